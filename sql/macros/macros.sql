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
