-- Every id is unique in its table, and every bridge row's key pair too.
select 'articles' as tbl, article_id as id, count(*) as n from {{ ref('articles') }} group by all having count(*) > 1
union all
select 'people', person_id, count(*) from {{ ref('people') }} group by all having count(*) > 1
union all
select 'locations', location_id, count(*) from {{ ref('locations') }} group by all having count(*) > 1
union all
select 'negotiation_rounds', round_id, count(*) from {{ ref('negotiation_rounds') }} group by all having count(*) > 1
union all
select 'article_people', article_id || '/' || person_id, count(*) from {{ ref('article_people') }} group by all having count(*) > 1
union all
select 'round_participants', round_id || '/' || person_id, count(*) from {{ ref('round_participants') }} group by all having count(*) > 1
union all
select 'round_articles', round_id || '/' || article_id, count(*) from {{ ref('round_articles') }} group by all having count(*) > 1
union all
select 'negotiations', negotiation_id, count(*) from {{ ref('negotiations') }} group by all having count(*) > 1
