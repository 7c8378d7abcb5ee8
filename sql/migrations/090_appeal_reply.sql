-- The handling unit's reply to an appeal (办理结果, 答复内容 …), masked like the appeal's text. A reply
-- saying the matter is another body's job is a functional return told in words (refresh_signals.sql).
ALTER TABLE appeals ADD COLUMN reply VARCHAR;
ALTER TABLE appeals_replaced ADD COLUMN reply VARCHAR;
