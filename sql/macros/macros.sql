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
