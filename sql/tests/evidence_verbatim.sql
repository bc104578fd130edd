-- Every round's evidence stands verbatim in the text of the article it points at.
select ra.round_id, ra.article_id, left(ra.evidence, 80) as evidence
from {{ ref('round_articles') }} as ra
left join {{ ref('articles') }} as a on a.article_id = ra.article_id
where nullif(trim(ra.evidence), '') is null
   or a.text is null
   or not contains(a.text, ra.evidence)
