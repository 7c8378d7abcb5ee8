-- A synthetic city of $n appeals over 2025 for speed measurements (npm run bench): no texts worth
-- reading, but the shape the dispute and KPI queries see — 8 districts, 200 topics (the first 40
-- disputed between two kinds of unit), one 110 incident in ten (a third of them non-police, most of
-- those diverted to 12345), returns (functional and territorial), 12345 ↔ 110 transfers, three-party
-- calls, emergency links, ratings. Deterministic: pseudo-random choices are hashes of the row number.

CREATE OR REPLACE TEMP TABLE synth_kinds AS
SELECT * FROM (VALUES (0, '城管', '城市管理综合执法局'), (1, '住建', '住房和城乡建设局'), (2, '市场监管', '市场监督管理局'),
  (3, '生态环境', '生态环境分局'), (4, '交警', '交通警察大队'), (5, '公安', '公安分局'), (6, '街道办事处', '中心街道办事处'),
  (7, '水务', '水务局'), (8, '园林绿化', '园林绿化局'), (9, '人社', '人力资源和社会保障局')) k(k, kind, suffix);

CREATE OR REPLACE TEMP TABLE synth_districts AS
SELECT * FROM (VALUES (0, '东城区'), (1, '西城区'), (2, '南湖区'), (3, '北山区'), (4, '滨江区'), (5, '高新区'), (6, '江北区'), (7, '临港区')) d(d, district);

INSERT INTO units (name, kind, district, origin)
SELECT district || suffix, kind, district, 'manual' FROM synth_kinds, synth_districts;

INSERT INTO topics (topic_id, label, status)
SELECT t, '合成主题' || t, 'active' FROM range(200) r(t);

CREATE OR REPLACE TEMP TABLE synth AS
SELECT i,
  CASE WHEN i % 10 = 0 THEN '110' ELSE '12345' END AS platform,
  'S' || lpad(i::VARCHAR, 8, '0') AS appeal_id,
  TIMESTAMPTZ '2025-01-01 00:00:00+08' + to_seconds(CAST(i * (365 * 86400.0 / $n) AS BIGINT)) AS received_at,
  (hash(i, 'd') % 8)::INTEGER AS d,
  (hash(i, 't') % 200)::INTEGER AS topic,
  (hash(i, 'r') % 1000)::INTEGER AS r
FROM range($n) s(i);

INSERT INTO appeals (platform, appeal_id, channel, received_at, district, address, title, content, caller_key,
  is_police_matter, status, handling_unit, closed_at, responded, resolved, satisfaction, row_hash, import_id, source_file, source_row, loaded_at)
SELECT s.platform, s.appeal_id, 'phone', s.received_at, dd.district, dd.district || '某路' || (s.r % 50) || '号',
  '合成诉求' || s.topic,
  CASE WHEN s.topic < 40 AND s.r % 10 = 0 THEN '这个问题几个部门互相推诿，合成诉求' || s.topic ELSE '合成诉求内容' || s.topic END,
  'c' || (hash(s.i, 'c') % ($n // 3)),
  CASE WHEN s.platform = '110' THEN s.r % 3 <> 0 END,
  '已办结', NULL, s.received_at + INTERVAL 2 DAY,
  CASE WHEN s.platform = '12345' THEN s.r % 20 <> 0 END,
  CASE WHEN s.platform = '12345' THEN s.r % 10 <> 1 END,
  CASE WHEN s.platform = '12345' THEN CASE WHEN s.r % 10 = 2 THEN 'dissatisfied' WHEN s.r % 10 = 3 THEN 'basic' ELSE 'satisfied' END END,
  'h', 0, 'synthetic', s.i::INTEGER, now()
FROM synth s JOIN synth_districts dd ON dd.d = s.d;

INSERT INTO appeal_topics (platform, appeal_id, topic_id, similarity)
SELECT platform, appeal_id, topic, 0.5 + (r % 500) / 1000.0 FROM synth;

-- 12345 work orders: a first dispatch to the topic's kind (disputed topics: 40 % returned as not their
-- job and re-sent to the other kind; every topic: 5 % sent to the wrong district first); 2 % also go
-- to 110 (one in four of those by three-party call), 1 % to an emergency line.
-- 110 incidents: non-police ones, 4 in 5 handed to 12345.
INSERT INTO transfers (platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
  row_hash, import_id, source_file, source_row, loaded_at)
WITH plan AS (
  SELECT s.*, dd.district,
    (s.topic % 10) AS k1,
    ((s.topic + 1) % 10) AS k2,
    s.topic < 40 AND s.r % 10 < 4 AS functional,
    s.r % 100 >= 95 AS misroute
  FROM synth s JOIN synth_districts dd ON dd.d = s.d
),
steps AS (
  -- first dispatch (to the wrong district when misrouted)
  SELECT p.*, 1 AS seq, '12345' AS from_party,
    dw.district || k.suffix AS to_party,
    'dispatch' AS method, p.received_at + INTERVAL 10 MINUTE AS sent_at,
    CASE WHEN p.functional OR p.misroute THEN NULL ELSE p.received_at + to_minutes(10 + p.r % 240) END AS accepted_at,
    CASE WHEN p.functional OR p.misroute THEN 'returned' ELSE 'accepted' END AS outcome,
    CASE WHEN p.misroute THEN '属地不符' WHEN p.functional THEN '职能交叉，不属于我单位职责' END AS reason
  FROM plan p JOIN synth_kinds k ON k.k = p.k1
  JOIN synth_districts dw ON dw.d = CASE WHEN p.misroute THEN (p.d + 1) % 8 ELSE p.d END
  WHERE p.platform = '12345'
  UNION ALL
  -- the re-dispatch after a return
  SELECT p.*, 2, '12345', p.district || k.suffix, 'dispatch', p.received_at + INTERVAL 2 HOUR,
    p.received_at + to_minutes(130 + p.r % 600), 'accepted', NULL
  FROM plan p JOIN synth_kinds k ON k.k = CASE WHEN p.functional THEN p.k2 ELSE p.k1 END
  WHERE p.platform = '12345' AND (p.functional OR p.misroute)
  UNION ALL
  SELECT p.*, 3, '12345', '110', CASE WHEN p.r % 4 = 0 THEN 'three_party_call' ELSE 'one_click' END, p.received_at + INTERVAL 5 MINUTE,
    p.received_at + to_minutes(6 + p.r % 30), CASE WHEN p.r % 4 = 0 THEN 'negotiated' ELSE 'accepted' END, NULL
  FROM plan p WHERE p.platform = '12345' AND p.r % 50 = 7
  UNION ALL
  SELECT p.*, 4, '12345', (['119', '120', '122', 'water', 'power', 'gas', 'heat'])[1 + p.r % 7], 'one_click', p.received_at + INTERVAL 2 MINUTE,
    p.received_at + INTERVAL 3 MINUTE, 'accepted', NULL
  FROM plan p WHERE p.platform = '12345' AND p.r % 100 = 11
  UNION ALL
  SELECT p.*, 1, '110', '12345', CASE WHEN p.r % 2 = 0 THEN 'one_click' ELSE 'online' END, p.received_at + INTERVAL 3 MINUTE,
    CASE WHEN p.r % 20 <> 5 THEN p.received_at + to_minutes(4 + p.r % 20) END,
    CASE WHEN p.r % 20 = 5 THEN 'returned' ELSE 'accepted' END, NULL
  FROM plan p WHERE p.platform = '110' AND p.r % 3 = 0 AND p.r % 5 <> 0
)
SELECT platform, appeal_id, seq, from_party, to_party, method, sent_at, accepted_at, outcome, reason,
  'h', 0, 'synthetic', i::INTEGER, now()
FROM steps;

DROP TABLE synth;
DROP TABLE synth_kinds;
DROP TABLE synth_districts;
