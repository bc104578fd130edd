-- No id or bridge key is null.
select 'articles' as tbl, count(*) as n from {{ ref('articles') }} where article_id is null having count(*) > 0
union all
select 'people', count(*) from {{ ref('people') }} where person_id is null having count(*) > 0
union all
select 'locations', count(*) from {{ ref('locations') }} where location_id is null having count(*) > 0
union all
select 'negotiation_rounds', count(*) from {{ ref('negotiation_rounds') }} where round_id is null having count(*) > 0
union all
select 'article_people', count(*) from {{ ref('article_people') }}
where article_id is null or person_id is null having count(*) > 0
union all
select 'round_participants', count(*) from {{ ref('round_participants') }}
where round_id is null or person_id is null having count(*) > 0
union all
select 'round_articles', count(*) from {{ ref('round_articles') }}
where round_id is null or article_id is null having count(*) > 0
union all
select 'negotiations', count(*) from {{ ref('negotiations') }} where negotiation_id is null having count(*) > 0
union all
select 'negotiation_rounds.negotiation_id', count(*) from {{ ref('negotiation_rounds') }}
where negotiation_id is null having count(*) > 0
