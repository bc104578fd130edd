-- Every bridge row, every round's place and every round's track points at an existing row; every
-- track has its rounds.
select 'article_people.article_id' as fk, b.article_id as id
from {{ ref('article_people') }} as b anti join {{ ref('articles') }} as d on d.article_id = b.article_id
union all
select 'article_people.person_id', b.person_id
from {{ ref('article_people') }} as b anti join {{ ref('people') }} as d on d.person_id = b.person_id
union all
select 'round_participants.round_id', b.round_id
from {{ ref('round_participants') }} as b anti join {{ ref('negotiation_rounds') }} as d on d.round_id = b.round_id
union all
select 'round_participants.person_id', b.person_id
from {{ ref('round_participants') }} as b anti join {{ ref('people') }} as d on d.person_id = b.person_id
union all
select 'round_articles.round_id', b.round_id
from {{ ref('round_articles') }} as b anti join {{ ref('negotiation_rounds') }} as d on d.round_id = b.round_id
union all
select 'round_articles.article_id', b.article_id
from {{ ref('round_articles') }} as b anti join {{ ref('articles') }} as d on d.article_id = b.article_id
union all
select 'negotiation_rounds.location_id', b.location_id
from {{ ref('negotiation_rounds') }} as b anti join {{ ref('locations') }} as d on d.location_id = b.location_id
where b.location_id is not null
union all
-- a round without any reporting article has nothing to stand on
select 'negotiation_rounds without round_articles', r.round_id
from {{ ref('negotiation_rounds') }} as r anti join {{ ref('round_articles') }} as b on b.round_id = r.round_id
union all
select 'negotiation_rounds.negotiation_id', b.negotiation_id
from {{ ref('negotiation_rounds') }} as b anti join {{ ref('negotiations') }} as d on d.negotiation_id = b.negotiation_id
union all
-- a track counts exactly the rounds that point at it
select 'negotiations.round_count', n.negotiation_id
from {{ ref('negotiations') }} as n
left join (
    select negotiation_id, count(*) as rounds from {{ ref('negotiation_rounds') }} group by negotiation_id
) as r on r.negotiation_id = n.negotiation_id
where n.round_count is distinct from r.rounds
