-- PostgreSQL keeps articles_recentsearch and articles_searchwindow right (issue #9; see
-- articles/models/recent_search.py). Run by migration 0015_recent_search and again by any later
-- migration that changes it (every statement is CREATE OR REPLACE / DROP IF EXISTS).

-- One article row written: its search row follows it.
CREATE OR REPLACE FUNCTION articles_recent_search_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM articles_recentsearch WHERE article_id = OLD.id;
    RETURN NULL;
  END IF;
  IF NEW.status = 'published' AND NEW.search_vector IS NOT NULL AND NEW.published_at >=
      COALESCE((SELECT starts_at FROM articles_searchwindow WHERE id = 1), '-infinity') THEN
    INSERT INTO articles_recentsearch AS r (article_id, published_at, search_vector)
    VALUES (NEW.id, NEW.published_at, NEW.search_vector)
    ON CONFLICT (article_id) DO UPDATE
      SET published_at = EXCLUDED.published_at, search_vector = EXCLUDED.search_vector
      WHERE (r.published_at, r.search_vector) IS DISTINCT FROM
            (EXCLUDED.published_at, EXCLUDED.search_vector);
  ELSIF TG_OP = 'UPDATE' THEN
    DELETE FROM articles_recentsearch WHERE article_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;

-- After each statement that wrote article rows: the window starts at the size-th newest
-- published article (only ever moving up), and what fell out of it goes.
CREATE OR REPLACE FUNCTION articles_recent_search_prune() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  window_size integer := COALESCE(
    (SELECT size FROM articles_searchwindow WHERE id = 1), 20000);
  cutoff timestamptz;
BEGIN
  SELECT published_at INTO cutoff FROM articles_recentsearch
    ORDER BY published_at DESC OFFSET window_size - 1 LIMIT 1;
  IF cutoff IS NOT NULL THEN
    INSERT INTO articles_searchwindow AS w (id, starts_at, size)
    VALUES (1, cutoff, window_size)
    ON CONFLICT (id) DO UPDATE SET starts_at = EXCLUDED.starts_at
      WHERE w.starts_at IS NULL OR w.starts_at < EXCLUDED.starts_at;
    DELETE FROM articles_recentsearch WHERE published_at < cutoff;
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS articles_recent_search_row ON articles_article;
CREATE TRIGGER articles_recent_search_row
  AFTER INSERT OR DELETE OR UPDATE OF status, published_at, search_vector ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_recent_search_row();

DROP TRIGGER IF EXISTS articles_recent_search_prune ON articles_article;
CREATE TRIGGER articles_recent_search_prune
  AFTER INSERT OR UPDATE OF status, published_at, search_vector ON articles_article
  FOR EACH STATEMENT EXECUTE FUNCTION articles_recent_search_prune();
