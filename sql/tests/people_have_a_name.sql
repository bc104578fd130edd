-- A person has an English or an Arabic name (either may be null, not both).
select person_id
from {{ ref('people') }}
where name_en is null and name_ar is null
