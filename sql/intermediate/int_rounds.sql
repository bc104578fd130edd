-- int_rounds: every round the event mentions were grouped into, before the user's scope is
-- applied: one real-world meeting or set of talks between named sides, however many articles
-- report it (sql/marts/negotiation_rounds.sql keeps those in scope and adds their track).
-- Grain: one row per round_id.
--
-- Status is the one claimed by the most recently published report; on a tie the furthest along
-- (proposed < planned < cancelled < ongoing < held); talks last reported under way more than
-- ongoing_days() before the newest article in the warehouse read held. Reports of one publication day are a tie
-- unless each of them gives its time: one known only to the day may have come out at any hour. A later "cancelled" does not undo talks
-- some report says were held. Dates come from the reports of the finest precision, preferring
-- those that report the talks under way or held; their range is merged. Talks no report dates but
-- some report held or under way take the day the first of those came out, at precision 'week'.
--
-- An allusion that joined the round (int_round_members) counts as a report of it, but has no
-- say in its status or sides.
--
-- Round number: the one most reports give (syndicated copies once); when as many reports give
-- another, null (reports counting rounds differently can join one meeting, int_mention_cores).
--
-- Sides: a code some reports call a side and others a host counts as what it is called most (on
-- a tie, a mediator), for parties and sides alike; a report naming the country through a non-state
-- side (the Houthis for YE) counts twice, since a movement at the table hosts nothing. A bare country code among the sides gives
-- way to a non-state side of that country that other reports name (Palestine to Hamas: the same
-- delegation, reported less precisely), unless some report names both as sides (the Sudanese
-- army, SD, and the RSF, org:rsf, are two sides).
-- Columns: as in negotiation_rounds, without negotiation_id (labels are made here, before the
-- scope, so a round's label does not change with the scope).
with mentions as (
    select m.*, r.round_id, r.founder_event_id, r.membership
    from {{ ref('int_event_mentions') }} as m
    join {{ ref('int_round_members') }} as r on r.event_id = m.event_id
),

voters as (
    -- an allusion that joined the round is evidence of it, not a claim about its status or sides
    -- ("the talks will continue" the day after they were held does not make them planned)
    select * from mentions where membership <> 'allusion'
),

code_votes as (
    -- how many of a round's reports call a code a party, a side, a mediator
    select round_id, code, sum(as_party) as party_votes, sum(as_side) as side_votes, sum(as_mediator) as mediator_votes
    from (
        -- a party that a report names through a non-state side of its country (the Houthis for YE)
        -- counts twice: a movement at the table is no host
        select round_id, code, case when list_contains(sides, code) then 1 else 2 end as as_party, 0 as as_side, 0 as as_mediator
        from (select round_id, sides, unnest(parties) as code from voters)
        union all
        select round_id, unnest(sides) as code, 0 as as_party, 1 as as_side, 0 as as_mediator from voters
        union all
        select round_id, unnest(mediators) as code, 0 as as_party, 0 as as_side, 1 as as_mediator from voters
    )
    group by round_id, code
),

party_choice as (
    -- a country some reports call a side and others a host counts as what it is called most;
    -- on a tie, a mediator
    select
        round_id,
        coalesce(list_sort(list(code) filter (where party_votes > mediator_votes)), []::VARCHAR[]) as parties,
        coalesce(list_sort(list(code) filter (where mediator_votes >= party_votes)), []::VARCHAR[]) as mediators
    from code_votes
    where party_votes > 0 or mediator_votes > 0
    group by round_id
),

voted_sides as (
    select round_id, code from code_votes where side_votes > mediator_votes
),

superseded as (
    -- a bare country code that a non-state side of that country stands for in other reports
    select distinct s.round_id, s.code
    from voted_sides as s
    join voted_sides as o on o.round_id = s.round_id and o.code like 'org:%'
    join {{ ref('int_side_names') }} as n on n.side = o.code and n.country_code = s.code
    where s.code not like 'org:%'
      and not exists (
          select 1 from voters as m
          where m.round_id = s.round_id and list_contains(m.sides, s.code) and list_contains(m.sides, o.code)
      )
),

side_choice as (
    select v.round_id, list_sort(list(v.code)) as sides
    from voted_sides as v
    anti join superseded as x on x.round_id = v.round_id and x.code = v.code
    group by v.round_id
),

places as (
    select
        round_id,
        location_key,
        max(place_rank(location_kind)) as specificity,
        count(*) as reports,
        max(published_at) as latest
    from mentions
    where location_key is not null
    group by round_id, location_key
),

place_choice as (
    select round_id, first(location_key order by specificity desc, reports desc, latest desc nulls last, location_key) as location_key
    from places
    group by round_id
),

dated as (
    select *, min(precision_rank(date_precision)) over (partition by round_id) as best_precision
    from mentions
    where is_dated
),

finest as (
    select *, bool_or(status in ('held', 'ongoing')) over (partition by round_id) as any_witnessed
    from dated
    where precision_rank(date_precision) = best_precision
),

date_range as (
    select
        round_id,
        min(start_date) as start_date,
        max(coalesce(end_date, case when date_precision = 'day' then start_date end)) as end_date,
        min(date_precision) as date_precision
    from finest
    where status in ('held', 'ongoing') or not any_witnessed
    group by round_id
),

witnessed_day as (
    -- a round no report dates, told held or under way: the day its first such report came out (the
    -- talks took place that day or in the days before; date_precision 'week' says so)
    select round_id, min(published_date) as first_witnessed
    from voters
    where status in ('held', 'ongoing') and published_date is not null
    group by round_id
),

status_reports as (
    -- a report's time of day counts only when every report of the round published that day has
    -- one: a report dated to the day alone may have come out at any hour of it
    select
        round_id,
        status,
        published_date,
        case
            when bool_and(not day_only(published_at, published_date)) over (partition by round_id, published_date)
                then published_at
        end as published_time,
        status in ('planned', 'proposed') and start_date is null as undated_plan,
        min(case when status = 'cancelled' then published_date end) over (partition by round_id) as first_cancelled
    from voters
    where status is not null
),

-- the day of the newest article the warehouse holds: what "now" is for a round's status
news_as_of as (
    select max(published_date) as as_of from {{ ref('stg_articles') }}
),

status_choice as (
    -- a meeting called off stays off until a report gives it a date again: "the two presidents were
    -- planning to meet in Budapest" a day after the summit was cancelled does not revive it
    select
        round_id,
        first(status order by published_date desc nulls last, published_time desc nulls last, status_rank(status) desc)
            as latest_status,
        bool_or(status = 'held') as ever_held
    from status_reports
    where not (undated_plan and first_cancelled is not null and published_date >= first_cancelled)
    group by round_id
),

reports as (
    select distinct m.round_id, m.article_id, m.published_date, s.syndication_group_id
    from mentions as m
    join {{ ref('int_article_syndication') }} as s on s.article_id = m.article_id
),

representatives as (
    select *
    from reports
    qualify row_number() over (
        partition by round_id, syndication_group_id order by published_date nulls last, article_id
    ) = 1
),

report_counts as (
    select
        round_id,
        min(published_date) as first_reported,
        max(published_date) as last_reported,
        cast(count(*) as integer) as article_count
    from representatives
    group by round_id
),

number_votes as (
    -- how many reports (syndicated copies of one story once) give each round number
    select m.round_id, m.round_number, count(distinct s.syndication_group_id) as votes
    from mentions as m
    join {{ ref('int_article_syndication') }} as s on s.article_id = m.article_id
    where m.round_number is not null
    group by m.round_id, m.round_number
),

number_choice as (
    -- reports that count rounds differently ("round 1" of this format, "round 3" overall) may
    -- join one meeting: the number most reports give; on a tie the number is not known (null),
    -- rather than one report's count picked at random (round_articles keeps each report's)
    select
        round_id,
        case when count(*) filter (where votes = top) = 1 then max(round_number) filter (where votes = top) end
            as round_number
    from (select *, max(votes) over (partition by round_id) as top from number_votes)
    group by round_id
),

rounds as (
    select
        round_id,
        any_value(founder_event_id) as founder_event_id,
        list_sort(list_distinct(flatten(list(outcomes)))) as outcomes,
        cast(count(*) as integer) as mention_count,
        cast(count(distinct article_id) as integer) as report_count
    from mentions
    group by round_id
),

side_names as (
    select
        s.round_id,
        string_agg(coalesce(n.name_en, s.code), '–' order by coalesce(n.name_en, s.code), s.code) as sides_label
    from (select round_id, unnest(sides) as code from side_choice) as s
    left join {{ ref('int_side_names') }} as n on n.side = s.code
    group by s.round_id
),

assembled as (
    select
        r.round_id,
        coalesce(n.sides_label || ' talks', 'Talks')
            || coalesce(', ' || coalesce(e.name_en, e.name_ar), '')
            -- a venue is followed by its city when that is known: "Dolmabahce Palace, Istanbul"
            || case when e.location_kind = 'venue' then coalesce(', ' || coalesce(pe.name_en, pe.name_ar), '') else '' end
            || coalesce(', round ' || nc.round_number, '') as base_label,
        case when p.location_key is not null then short_id('l_', p.location_key) end as location_id,
        coalesce(d.start_date, w.first_witnessed) as start_date,
        coalesce(d.end_date, w.first_witnessed) as end_date,
        coalesce(d.date_precision, case when w.first_witnessed is not null then 'week' end) as date_precision,
        case
            when st.latest_status = 'cancelled' and st.ever_held then 'held'
            -- under way in a report weeks older than the newest news: over by now
            when st.latest_status = 'ongoing' and rc.last_reported < n_as_of.as_of - ongoing_days() then 'held'
            else st.latest_status
        end as status,
        coalesce(s.parties, []::VARCHAR[]) as parties,
        coalesce(sc.sides, []::VARCHAR[]) as sides,
        coalesce(s.mediators, []::VARCHAR[]) as mediators,
        nc.round_number,
        coalesce(r.outcomes, []::VARCHAR[]) as outcomes,
        rc.first_reported,
        rc.last_reported,
        rc.article_count,
        p.location_key,
        r.founder_event_id,
        r.mention_count,
        r.report_count
    from rounds as r
    left join number_choice as nc on nc.round_id = r.round_id
    left join party_choice as s on s.round_id = r.round_id
    left join side_choice as sc on sc.round_id = r.round_id
    left join side_names as n on n.round_id = r.round_id
    left join place_choice as p on p.round_id = r.round_id
    left join {{ ref('int_entities') }} as e on e.entity_key = p.location_key
    left join {{ ref('int_entities') }} as pe on pe.entity_key = e.parent_key
    left join date_range as d on d.round_id = r.round_id
    left join witnessed_day as w on w.round_id = r.round_id
    left join status_choice as st on st.round_id = r.round_id
    left join report_counts as rc on rc.round_id = r.round_id
    cross join news_as_of as n_as_of
)

select
    round_id,
    case
        when count(*) over (partition by base_label) > 1 and start_date is not null
            then base_label || ' (' || case date_precision
                when 'day' then strftime(start_date, '%-d %b %Y')
                when 'year' then strftime(start_date, '%Y')
                else strftime(start_date, '%b %Y')
            end || ')'
        else base_label
    end as label,
    location_id,
    start_date,
    end_date,
    date_precision,
    status,
    parties,
    sides,
    mediators,
    cast(round_number as integer) as round_number,
    outcomes,
    first_reported,
    last_reported,
    coalesce(article_count, 0) as article_count,
    location_key,
    founder_event_id,
    mention_count,
    report_count
from assembled
