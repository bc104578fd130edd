-- A track counts exactly the rounds that point at it.
select n.negotiation_id, n.round_count, r.rounds
from {{ ref('negotiations') }} as n
left join (
    select negotiation_id, count(*) as rounds from {{ ref('negotiation_rounds') }} group by negotiation_id
) as r on r.negotiation_id = n.negotiation_id
where n.round_count is distinct from r.rounds
