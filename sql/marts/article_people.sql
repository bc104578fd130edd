-- article_people: a person named in an article, and how often (bridge between articles and people).
-- Grain: one row per (article_id, person_id).
-- Columns:
--   article_id: the article (articles.article_id)
--   person_id: the person (people.person_id)
--   mentions: times the article names the person
select
    article_id,
    short_id('p_', person_key) as person_id,
    mentions
from {{ ref('int_person_mentions') }}
