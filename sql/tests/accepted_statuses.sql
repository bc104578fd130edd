-- Statuses and date precisions take only the contract's values; every round has a status.
select 'negotiation_rounds.status' as col, round_id as id, status as value
from {{ ref('negotiation_rounds') }}
where status is null or status not in ('proposed', 'planned', 'ongoing', 'held', 'cancelled')
union all
select 'round_articles.reported_status', round_id || '/' || article_id, reported_status
from {{ ref('round_articles') }}
where reported_status is not null and reported_status not in ('proposed', 'planned', 'ongoing', 'held', 'cancelled')
union all
select 'negotiation_rounds.date_precision', round_id, date_precision
from {{ ref('negotiation_rounds') }}
where date_precision is not null and date_precision not in ('day', 'week', 'month', 'year')
