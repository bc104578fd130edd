-- int_person_identities: person keys that name one and the same person, spelled differently
-- (in another script, transliterated otherwise, with or without a middle name), folded into one.
-- Grain: one row per alias_key (only the keys that are folded away).
--
-- Each article's extraction keys a person it does not know by the name as written
-- (person:ar:سردار قليج, person:en:serdar kilic); here those names are compared across articles.
-- A name is read as tokens (articles al-/ال dropped, a compound given name عبد الله / Abdel Aziz
-- and a Turkish -oğlu surname written apart joined) and each token as its consonants in one
-- alphabet for both scripts (phonetic_word). Two keys are one person when:
--   * written in two scripts: the consonants of the whole name agree (أوهورو كينياتا ~ Uhuru
--     Kenyatta), or the given name's agree and the surname's differ by at most one consonant
--     (ميروسلاف لايتشاك ~ Miroslav Lajčák; none for a short form against a long one), the middle
--     names agreeing when both have some;
--   * written in one script: the same given name (letter for letter, or with the letters newsrooms
--     swap when they transliterate: طوني ~ توني, أنغيلا ~ أنجيلا) and surname letter for letter
--     (accents and the dotless ı aside) with the same middle names, or a surname one typo apart
--     (Mizroyan ~ Mirzoyan, منوشين ~ منوتشين); consonants alone are not enough in one script
--     (محمد/محمود, حسن/حسين are two names);
--   * a short form (given name and surname without the middle name, or an Arabic name's first
--     two parts, الهادي إدريس of الهادي إدريس يحيى) is its long form only when it fits one person.
-- Links are followed (روبن روبينيان ~ Ruben Rubinyan ~ روبين روبينيان). A group holding one
-- gazetteer person goes under the gazetteer key; a group holding several is left alone (the
-- gazetteer's people are distinct); otherwise the group goes under its first Latin key, or its
-- first key. An analyst's alias for a key overrides this (int_entity_aliases).
-- Columns:
--   alias_key: the person key folded away
--   canonical_key: the person key it is
with names as (
    select distinct
        e.entity_key as person_key,
        not (e.entity_key like 'person:ar:%' or e.entity_key like 'person:en:%') as curated,
        n.name
    from {{ ref('stg_entities') }} as e,
        unnest([e.name_en, e.name_ar, case when e.entity_key like 'person:__:%' then substr(e.entity_key, 11) end]) as n(name)
    where e.kind = 'person' and nullif(trim(n.name), '') is not null
),

split as (
    select
        person_key,
        curated,
        regexp_matches(name, '[\x{0600}-\x{06FF}]') as is_ar,
        list_filter(
            regexp_split_to_array(
                case
                    when regexp_matches(name, '[\x{0600}-\x{06FF}]')
                        then regexp_replace(
                            translate(regexp_replace(name, '[\x{064B}-\x{065F}\x{0640}]', '', 'g'), 'أإآىة', 'ااايه'),
                            '[^\x{0621}-\x{064A}\s]', ' ', 'g'
                        )
                    else regexp_replace(lower(strip_accents(translate(name, 'ıİ', 'iI'))), '[^a-z0-9\s-]', '', 'g')
                end,
                '[\s-]+'
            ),
            lambda t: t <> ''
        ) as toks
    from names
),

compounds as (
    -- a compound given name written apart is one token: عبد الله, Abd al-Aziz, Abu Bakr
    select
        person_key, curated, is_ar,
        case
            when len(toks) >= 4 and toks[1] in ('عبد', 'ابو', 'abd', 'abdel', 'abdul', 'abu', 'abou')
                and toks[2] in ('ال', 'al', 'el')
                then [toks[1] || toks[2] || toks[3]] || toks[4:]
            when len(toks) >= 3 and toks[1] in ('عبد', 'ابو', 'abd', 'abdel', 'abdul', 'abu', 'abou')
                then [toks[1] || toks[2]] || toks[3:]
            else toks
        end as toks
    from split
),

articles_dropped as (
    select
        person_key, curated, is_ar,
        list_filter(toks, lambda t: t not in ('ال', 'al', 'el')) as toks
    from compounds
),

tokens as (
    -- a Turkish surname written apart (جاويش أوغلو) is one token, as Çavuşoğlu is
    select
        person_key, curated, is_ar,
        case
            when len(toks) >= 3 and toks[len(toks)] in ('اوغلو', 'oglu')
                then toks[1:len(toks) - 2] || [toks[len(toks) - 1] || toks[len(toks)]]
            else toks
        end as strict
    from articles_dropped
),

read as (
    select distinct
        person_key, curated, is_ar, strict,
        list_transform(
            strict,
            -- ال starts an Arabic surname where Latin writes al- apart; a final h is a vowel's (Abdullah ~ عبد الله)
            lambda t: rtrim(phonetic_word(case when t like 'ال%' and length(t) > 3 then substr(t, 3) else t end), 'h')
        ) as ph
    from tokens
    where len(strict) >= 2
),

named as (
    select
        *,
        len(strict) as n,
        ph[1] as given_ph,
        ph[len(ph)] as surname_ph,
        ph[2:len(ph) - 1] as middle_ph,
        collapse_repeats(array_to_string(ph, '')) as full_ph
    from read
),

pairs as (
    select
        a.person_key as key_a,
        b.person_key as key_b,
        a.n <> b.n and (a.n = 2 or b.n = 2 or (a.is_ar and b.is_ar)) as short_form,
        case when a.n < b.n then a.person_key else b.person_key end as short_key,
        case when a.n < b.n then b.person_key else a.person_key end as long_key,
        case
            when a.is_ar <> b.is_ar then
                (a.full_ph = b.full_ph and length(a.full_ph) >= name_min_phonetic())
                or (
                    length(a.given_ph) >= 2
                    and (a.middle_ph = b.middle_ph or a.n = 2 or b.n = 2)
                    and least(length(a.surname_ph), length(b.surname_ph)) >= 2
                    -- a slip of one consonant only between two full names: a short form's surname must agree
                    and damerau_levenshtein(a.surname_ph, b.surname_ph)
                        <= case when a.n = b.n and greatest(length(a.surname_ph), length(b.surname_ph)) >= 3 then 1 else 0 end
                )
            else
                (a.strict[1] = b.strict[1] or transliteration_fold(a.strict[1]) = transliteration_fold(b.strict[1]))
                and (
                    (
                        a.strict[len(a.strict)] = b.strict[len(b.strict)]
                        and (a.middle_ph = b.middle_ph or a.n = 2 or b.n = 2)
                    )
                    or (
                        a.n = b.n and a.middle_ph = b.middle_ph
                        and least(length(a.strict[len(a.strict)]), length(b.strict[len(b.strict)])) >= 5
                        and letter_distance(a.strict[len(a.strict)], b.strict[len(b.strict)]) = 1
                    )
                    or (
                        -- an Arabic name's first two parts: الهادي إدريس of الهادي إدريس يحيى
                        a.is_ar and a.n <> b.n
                        and (case when a.n < b.n then b.strict[1:a.n] = a.strict else a.strict[1:b.n] = b.strict end)
                    )
                )
        end as same
    from named as a
    join named as b
        on a.given_ph = b.given_ph and a.person_key < b.person_key and not (a.curated and b.curated)
    union all
    -- the whole name's consonants agree though its words are cut otherwise (Abdalla / عبد الله)
    select a.person_key, b.person_key, false, null, null, true
    from named as a
    join named as b
        on a.full_ph = b.full_ph and a.person_key < b.person_key and not (a.curated and b.curated)
    where a.is_ar <> b.is_ar and length(a.full_ph) >= name_min_phonetic()
),

strong as (
    select distinct key_a, key_b from pairs where same and not short_form
),

nodes as (
    -- every key a pair names, numbered in key order: a component's founder is its first key
    select dense_rank() over (order by person_key) as node, person_key as id
    from (select key_a as person_key from pairs union select key_b from pairs)
),

strong_edges as (
    select na.node as a, nb.node as b
    from strong as s
    join nodes as na on na.id = s.key_a
    join nodes as nb on nb.id = s.key_b
),

strong_group as (
    select id as person_key, founder_id as grp from component_founders('nodes', 'strong_edges')
),

short_fits as (
    -- a short form joins its long form when every long form it fits is one person
    select p.short_key, p.long_key
    from pairs as p
    join strong_group as g on g.person_key = p.long_key
    where p.same and p.short_form
    qualify count(distinct g.grp) over (partition by p.short_key) = 1
),

edges as (
    select a, b from strong_edges
    union
    select ns.node, nl.node
    from short_fits as f
    join nodes as ns on ns.id = f.short_key
    join nodes as nl on nl.id = f.long_key
),

grouped as (
    select id as person_key, founder_id as grp from component_founders('nodes', 'edges')
),

canonical as (
    select
        grp,
        count(distinct person_key) filter (where not (person_key like 'person:ar:%' or person_key like 'person:en:%')) as curated_keys,
        first(person_key order by
            not (person_key like 'person:ar:%' or person_key like 'person:en:%') desc,
            person_key like 'person:en:%' desc,
            person_key
        ) as canonical_key
    from grouped
    group by grp
)

select g.person_key as alias_key, c.canonical_key
from grouped as g
join canonical as c on c.grp = g.grp
where c.curated_keys <= 1 and g.person_key <> c.canonical_key
