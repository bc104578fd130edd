-- No two rounds share sides, place and round number with overlapping known dates: such
-- rounds should have been one. Rounds an analyst split apart on purpose are exempt.
with split_rounds as (
    select distinct m.round_id
    from {{ ref('int_round_members') }} as m
    join {{ ref('int_event_mentions') }} as e on e.event_id = m.event_id
    where e.split_key <> ''
)
select a.round_id, b.round_id as other_round_id, a.label
from {{ ref('negotiation_rounds') }} as a
join {{ ref('negotiation_rounds') }} as b
    on a.round_id < b.round_id
   and a.sides = b.sides
   and a.location_id is not distinct from b.location_id
   and a.round_number is not distinct from b.round_number
where a.start_date is not null
  and b.start_date is not null
  and a.start_date <= coalesce(b.end_date, b.start_date)
  and b.start_date <= coalesce(a.end_date, a.start_date)
  and a.round_id not in (select round_id from split_rounds)
  and b.round_id not in (select round_id from split_rounds)
