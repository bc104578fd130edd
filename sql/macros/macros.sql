-- Small helpers shared by the models. Run before any model is built and kept in the warehouse,
-- so ad-hoc queries can use them too. Not models: no table, no grain.

-- A country code as the warehouse spells it (ISO 3166-1 alpha-2, upper case, EU for the
-- European Union); the two common non-ISO spellings UK and EL map to GB and GR.
CREATE OR REPLACE MACRO norm_country(code) AS
    CASE upper(trim(code))
        WHEN '' THEN NULL
        WHEN 'UK' THEN 'GB'
        WHEN 'EL' THEN 'GR'
        ELSE upper(trim(code))
    END;

-- A list of country codes normalised, de-duplicated and sorted, without nulls.
CREATE OR REPLACE MACRO norm_countries(codes) AS
    list_sort(list_distinct(list_filter(
        list_transform(coalesce(codes, []::VARCHAR[]), lambda c: norm_country(c)),
        lambda c: c IS NOT NULL
    )));

-- A negotiating side as the warehouse spells it: a state as its country code (norm_country), a
-- non-state actor as 'org:' + its slug in lower case ('ORG:Hamas ' -> 'org:hamas').
CREATE OR REPLACE MACRO norm_side(side) AS
    CASE
        WHEN lower(trim(side)) LIKE 'org:%' THEN nullif('org:' || lower(trim(substr(trim(side), 5))), 'org:')
        ELSE norm_country(side)
    END;

-- A list of sides normalised, de-duplicated and sorted, without nulls.
CREATE OR REPLACE MACRO norm_sides(sides) AS
    list_sort(list_distinct(list_filter(
        list_transform(coalesce(sides, []::VARCHAR[]), lambda s: norm_side(s)),
        lambda s: s IS NOT NULL
    )));

-- The non-state sides of a list of sides (those written 'org:<slug>').
CREATE OR REPLACE MACRO org_sides(sides) AS list_filter(coalesce(sides, []::VARCHAR[]), lambda s: s LIKE 'org:%');

-- A name for a non-state side no entity row names: its slug, a short one as an acronym
-- (org:rsf -> RSF), a longer one word by word in title case (org:syrian-opposition -> Syrian Opposition).
CREATE OR REPLACE MACRO org_slug_name(side) AS
    CASE
        WHEN length(substr(side, 5)) <= 4 AND NOT contains(substr(side, 5), '-') THEN upper(substr(side, 5))
        ELSE array_to_string(
            list_transform(
                list_filter(string_split(substr(side, 5), '-'), lambda w: w <> ''),
                lambda w: upper(w[1]) || w[2:]
            ),
            ' '
        )
    END;

-- How far along a status is: the tie-break between equally recent reports. A cancellation
-- outranks plans (it is news about them) but not talks under way or held.
CREATE OR REPLACE MACRO status_rank(status) AS
    CASE status
        WHEN 'proposed' THEN 1 WHEN 'planned' THEN 2 WHEN 'cancelled' THEN 3
        WHEN 'ongoing' THEN 4 WHEN 'held' THEN 5 ELSE 0
    END;

-- Finer date precision first (day = 1 ... year = 4; undated last).
CREATE OR REPLACE MACRO precision_rank(date_precision) AS
    CASE date_precision WHEN 'day' THEN 1 WHEN 'week' THEN 2 WHEN 'month' THEN 3 WHEN 'year' THEN 4 ELSE 9 END;

-- How specific a place is: a venue says more than its city, a city more than its country.
CREATE OR REPLACE MACRO place_rank(location_kind) AS
    CASE location_kind WHEN 'venue' THEN 4 WHEN 'city' THEN 3 WHEN 'region' THEN 2 WHEN 'country' THEN 1 ELSE 0 END;

-- A short stable id from a key: prefix + the first 16 hex digits of its sha256.
CREATE OR REPLACE MACRO short_id(prefix, key) AS prefix || left(sha256(key), 16);

-- Two mentions name the same negotiating sides once each sets aside what the other calls a
-- mediator (one report's "Turkey" as a side is the other's host).
CREATE OR REPLACE MACRO parties_match(parties_a, mediators_a, parties_b, mediators_b) AS
    len(list_filter(parties_a, lambda x: NOT list_contains(mediators_b, x))) > 0
    AND list_filter(parties_a, lambda x: NOT list_contains(mediators_b, x))
        = list_filter(parties_b, lambda x: NOT list_contains(mediators_a, x));

-- The 32-day bucket a day falls in. Range joins ("within so many days") are written as an
-- equality join on buckets plus the exact condition, so each row is compared only with rows
-- of the buckets its range covers, never with every row of its block.
CREATE OR REPLACE MACRO day_bucket(d) AS
    CAST(floor(date_diff('day', DATE '1970-01-01', d) / 32) AS BIGINT);

-- The buckets a range of days [lo, hi] covers (unnest it to get one row per bucket).
CREATE OR REPLACE MACRO day_buckets(lo, hi) AS range(day_bucket(lo), day_bucket(hi) + 1);

-- Connected components of an undirected graph given as a table or CTE of edges (a, b) between
-- BIGINT node ids, named by string: components('edges'). One row per node that has an edge,
-- labelled with the smallest node id of its component (a node without edges is not listed).
-- Hook and jump: each pass, a node takes its neighbours' smallest label, and so does the node its
-- own label names (joining the two trees), then every label is replaced by its label's label.
-- Passes repeat until nothing changes: a few passes (about log2 of the longest path), each
-- linear in the edges, where plain label propagation needs as many passes as the longest path.
CREATE OR REPLACE MACRO components(edge_table) AS TABLE
WITH RECURSIVE undirected AS MATERIALIZED (
    SELECT a, b FROM query_table(edge_table) WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
    UNION
    SELECT b, a FROM query_table(edge_table) WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
),
labels (node, label) USING KEY (node) AS (
    SELECT a, a FROM undirected GROUP BY a
    UNION
    (
        WITH current AS (
            SELECT node, label FROM recurring.labels
        ),
        neighbours AS (
            -- no "smaller label only" filter: min() below ignores the larger ones, and an
            -- inequality here would let the planner join the two label scans on it first
            SELECT u.a, la.label AS own_label, lb.label AS neighbour_label
            FROM undirected AS u
            JOIN current AS la ON la.node = u.a
            JOIN current AS lb ON lb.node = u.b
        ),
        proposals AS (
            SELECT a AS node, neighbour_label AS label FROM neighbours
            UNION ALL
            SELECT own_label, neighbour_label FROM neighbours
        ),
        hooked AS (
            SELECT c.node, least(c.label, min(p.label)) AS label
            FROM current AS c
            LEFT JOIN proposals AS p ON p.node = c.node
            GROUP BY c.node, c.label
        ),
        jumped AS (
            SELECT h.node, least(h.label, j.label) AS label
            FROM hooked AS h
            JOIN hooked AS j ON j.node = h.label
        )
        SELECT j.node, j.label
        FROM jumped AS j
        JOIN current AS c ON c.node = j.node
        WHERE j.label < c.label
    )
)
SELECT node, label FROM labels;

-- The rows of `rows_table` (a lake table's CTE with article_id and extractor_version, named by
-- string) that belong to their article's current extraction, for articles the warehouse keeps:
-- `extractions_table` is stg_extractions, `articles_table` stg_articles, each passed as
-- '{{ ref(...) }}' so the build sees what the model reads. Staging reads mentions, entities
-- and events through it.
CREATE OR REPLACE MACRO current_extraction(rows_table, extractions_table, articles_table) AS TABLE
SELECT s.*
FROM query_table(rows_table) AS s
JOIN query_table(extractions_table) AS x
    ON x.article_id = s.article_id
   AND coalesce(x.extractor_version, '') = coalesce(s.extractor_version, '')
SEMI JOIN query_table(articles_table) AS a ON a.article_id = s.article_id;

-- Where a mention looks for the same talks in the classes compatible with its own: each row of
-- `probe_table` (with class_id and participant_keys) once per compatible class of `pairs_table`
-- (int_class_pairs: class_id, other_class_id, place_agree) where the places agree, with
-- person_key '', and once per participant it names (person_key: that participant's key), for
-- every compatible class or, when `participants_where_places_agree` is false, only for those
-- whose places do not agree. Adds the columns other_class_id and person_key.
CREATE OR REPLACE MACRO class_probes(probe_table, pairs_table, participants_where_places_agree) AS TABLE
SELECT p.*, cp.other_class_id, '' AS person_key
FROM query_table(probe_table) AS p
JOIN query_table(pairs_table) AS cp ON cp.class_id = p.class_id AND cp.place_agree
UNION ALL
SELECT p.*, cp.other_class_id, unnest(p.participant_keys) AS person_key
FROM query_table(probe_table) AS p
JOIN query_table(pairs_table) AS cp
    ON cp.class_id = p.class_id AND (participants_where_places_agree OR NOT cp.place_agree);

-- Each row of `node_table` (columns node, a BIGINT, and id) with its component's founder in the
-- graph `edge_table` (components): the founder is the component's node with the smallest
-- number (node ranks make it the earliest), founder_id its id; a node without edges founds its own.
CREATE OR REPLACE MACRO component_founders(node_table, edge_table) AS TABLE
SELECT n.node, n.id, founder.node AS founder, founder.id AS founder_id
FROM query_table(node_table) AS n
LEFT JOIN components(edge_table) AS l ON l.node = n.node
JOIN query_table(node_table) AS founder ON founder.node = coalesce(l.label, n.node);

-- Range join on days: every pair of a row of `left_table` and a row of `right_table` (each with
-- columns match_key, lo and hi, named by string) with equal match_key whose day ranges [lo, hi]
-- overlap, once, as two structs: `a` (the left row) and `b` (the right row). A row with an
-- unknown bound is left out; narrower conditions go in the caller's WHERE. An equality join on
-- the 32-day buckets both ranges cover (day_buckets), each pair kept in its first shared bucket
-- only, so a row is compared only with the rows of the buckets its range covers.
CREATE OR REPLACE MACRO overlapping_days(left_table, right_table) AS TABLE
SELECT a, b
FROM (
    SELECT *, unnest(day_buckets(lo, hi)) AS bucket
    FROM query_table(left_table)
    WHERE lo IS NOT NULL AND hi IS NOT NULL
) AS a
JOIN (
    SELECT *, unnest(day_buckets(lo, hi)) AS bucket
    FROM query_table(right_table)
    WHERE lo IS NOT NULL AND hi IS NOT NULL
) AS b ON b.match_key = a.match_key AND b.bucket = a.bucket
WHERE b.lo <= a.hi AND a.lo <= b.hi
  AND a.bucket = greatest(day_bucket(a.lo), day_bucket(b.lo));

-- The rows of `span_table` (columns run_key, lo, hi, node and gap, named by string), each with
-- the number of the run of days it lies in: within a run_key, rows sorted by days, a new run
-- starts where a row begins more than `gap` days after every earlier row has ended. With gap 0
-- a run covers exactly the days of its rows (they share days, one after the other); with gap n
-- no hole in a run is n days long, so a range that comes within n days of a run's first-to-last
-- days comes within n days of one of its rows.
CREATE OR REPLACE MACRO runs_of_days(span_table) AS TABLE
SELECT
    *,
    sum(CASE WHEN reached IS NULL OR lo > reached + gap THEN 1 ELSE 0 END) OVER (
        PARTITION BY run_key ORDER BY lo, hi, node ROWS UNBOUNDED PRECEDING
    ) AS run_no
FROM (
    SELECT
        *,
        max(hi) OVER (
            PARTITION BY run_key ORDER BY lo, hi, node ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
        ) AS reached
    FROM query_table(span_table)
);

-- A publication known to the day only: a bare date is stored as midnight UTC of that day
-- (tasks/articles.py: parse_published), so its time of day says nothing; unknown counts too.
CREATE OR REPLACE MACRO day_only(published_at, published_date) AS
    published_at IS NULL
    OR (CAST(timezone('UTC', published_at) AS DATE) = published_date
        AND CAST(timezone('UTC', published_at) AS TIME) = TIME '00:00:00');
