-- A round without any reporting article has nothing to stand on.
select r.round_id
from {{ ref('negotiation_rounds') }} as r
anti join {{ ref('round_articles') }} as b on b.round_id = r.round_id
