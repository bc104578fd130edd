-- The day windows the models share, in one place: change a number here, not in a model. Run
-- before any model and kept in the warehouse (`SELECT merge_days()`).

-- Dated reports of talks without a round number whose dates lie within this many days of each
-- other (or overlap) can be one meeting. The extraction merges an article's mentions with the
-- same number (tasks/nlp/events/merge.py: MERGE_DAYS); tests/test_warehouse_macros.py keeps the two equal.
CREATE OR REPLACE MACRO merge_days() AS 3;

-- Dated reports of the same numbered round ("the third round") may lie this many days apart.
CREATE OR REPLACE MACRO numbered_round_days() AS 90;

-- Undated reports of one meeting come out together: their articles are published within this
-- many days of each other (weeks apart they are more likely two meetings).
CREATE OR REPLACE MACRO undated_publication_days() AS 7;

-- The days an undated report may mean, from its status, before and after its publication day:
-- talks reported held happened in the 60 days before (up to the day after),
-- talks under way in the 14 days before (up to the day after), a cancellation concerns a meeting from 30 days
-- before (what took place two months ago is not called off now) to 120 days after, plans (and an unknown
-- status) from 3 days before to 120 days after.
CREATE OR REPLACE MACRO undated_window(status) AS
    CASE status
        WHEN 'held' THEN {'before': 60, 'after': 1}
        WHEN 'ongoing' THEN {'before': 14, 'after': 1}
        WHEN 'cancelled' THEN {'before': 30, 'after': 120}
        ELSE {'before': 3, 'after': 120}
    END;

-- A numbered round recalled as held at a named place without a date ("the first round, in
-- Caracas") is the one round of that number there, however long ago: a dated report of talks at
-- that place in this many days before the recall can take its number (int_core_targets). Without
-- a place a number says too little ("the second summit").
CREATE OR REPLACE MACRO numbered_recall_days() AS 365;

-- Talks last reported under way this many days before the newest article in the warehouse have
-- ended since: the round reads held, as of the news the warehouse holds (int_rounds).
CREATE OR REPLACE MACRO ongoing_days() AS 14;
