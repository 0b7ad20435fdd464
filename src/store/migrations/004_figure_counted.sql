-- A figure can name equipment without giving a number ("its S-400 missile systems will remain"). Such a row
-- has min = max = 0 and counted = 0, so it is shown as "number not given", never as a count of zero.
-- Rows stored before this migration were all counted; articles extracted again pick up the new flag.
ALTER TABLE figures ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
