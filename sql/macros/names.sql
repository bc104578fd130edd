-- Person names compared across spellings and scripts (used by int_person_identities).

-- Consonants an Arabic and a Latin name must share to be one person: the extraction's
-- NLP.name_min_phonetic (tasks/nlp/resources/settings.yaml), kept equal by a test.
CREATE OR REPLACE MACRO name_min_phonetic() AS 5;

-- The letters of a name word with doubled letters written once ('kmmnkkl' -> 'kmnkl').
CREATE OR REPLACE MACRO collapse_repeats(s) AS
    array_to_string(list_filter(string_split(s, ''), lambda c, i: i = 1 OR c <> string_split(s, '')[i - 1]), '');

-- The consonants of one word of a name in one alphabet for Arabic and Latin spellings
-- (أوهورو ~ Uhuru -> 'hr'): tasks/nlp/gazetteer.py's phonetic() for one word, kept equal by a test.
CREATE OR REPLACE MACRO phonetic_word(w) AS collapse_repeats(
    CASE
        WHEN regexp_matches(w, '[\x{0600}-\x{06FF}]') THEN translate(
            regexp_replace(replace(regexp_replace(w, '[\x{064B}-\x{065F}\x{0640}]', '', 'g'), 'تش', 'ش'), '[هة]$', ''),
            'بپفڤتطدضسصثشزذظكقغجخگچحهلمنراويىءأإآئؤعة',
            'bbffttddssssssskkkkkkkhhlmnr'
        )
        ELSE translate(
            regexp_replace(
                replace(replace(replace(replace(replace(replace(replace(
                    regexp_replace(lower(strip_accents(w)), '[^a-z0-9]', '', 'g'),
                    'tch', 's'), 'ph', 'f'), 'kh', 'k'), 'gh', 'k'), 'sh', 's'), 'ch', 's'), 'th', 't'),
                'c([eiy])', 's\1', 'g'
            ),
            'bpfvszxkgjqcaeiouyw',
            'bbffssskkkkk'
        )
    END
);

-- Edits between two spellings of a word in one script, a letter counting once: DuckDB's
-- damerau_levenshtein counts bytes, and an Arabic letter is two ('منوشين' ~ 'منوتشين' is one edit, not
-- two), so each Arabic letter is first mapped to one ASCII character.
CREATE OR REPLACE MACRO letter_distance(a, b) AS damerau_levenshtein(
    translate(a, 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤپچڤگژ', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'),
    translate(b, 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤپچڤگژ', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ')
);

-- A word with the letters newsrooms swap when they transliterate folded together (طوني ~ توني,
-- أنغيلا ~ أنجيلا, ذ/ظ ~ ز, ث/ص ~ س, ض ~ د), and nothing else: letters added or dropped (محمد ~
-- محمود) and ق ~ ج (قاسم, جاسم) keep two names apart.
CREATE OR REPLACE MACRO transliteration_fold(w) AS translate(w, 'طغذظثصض', 'تجززسسد');

