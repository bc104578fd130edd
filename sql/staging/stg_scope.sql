-- stg_scope: a set of sides the user follows (`--only RU,UA,US`), as the build wrote it to
-- settings.scope (warehouse/scope.py; sql/macros/settings.sql creates it empty otherwise).
-- Grain: one row per followed set; no row at all when no scope was set (every negotiation
-- between two or more sides is followed).
--
-- settings.scope is not a lake or corrections source but a table the build writes before the
-- models, so it is named directly here and nowhere else: every other model reads this one.
-- Columns:
--   set_id: the set's number (1, 2, ... in the order of the normalised scope)
--   sides: the set's sides, normalised (country codes upper case, org:<slug> lower case) and sorted
select
    set_id,
    norm_sides(list(side)) as sides
from settings.scope
group by set_id
having len(norm_sides(list(side))) > 0
