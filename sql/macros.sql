-- Session macros (TEMP: recreated at every open, never stored in the database file).

-- Empty or blank text → NULL, trimmed (for keys and names, where stray spaces would split records).
CREATE OR REPLACE TEMP MACRO nz(s) AS nullif(trim(CAST(s AS VARCHAR)), '');

-- Empty text → NULL, untrimmed: the cheap form for free text and codes the checks look at anyway.
CREATE OR REPLACE TEMP MACRO ne(s) AS nullif(s, '');

-- NULL or nothing but spaces (as trim sees them). Text rarely starts with a space: looking at the
-- first character spares copying every text through trim.
CREATE OR REPLACE TEMP MACRO is_blank(s) AS
  CASE WHEN s IS NULL OR s = '' THEN true
    WHEN unicode(s) = 32 OR unicode(s) = 160 OR unicode(s) BETWEEN 5760 AND 12288 THEN trim(s) = ''
    ELSE false END;

-- Personal data in free text → tokens. Order matters: the longest digit patterns go first so an
-- ID-card number is not half-masked as a phone number. Digit runs must stand alone (no digit or
-- Latin letter on either side), so work-order ids such as GD2025051600123, dates and amounts pass.
-- RE2 has no look-around, hence the captured boundary groups put back by \1 and \3.
-- Each group of passes runs only on text showing the sign it needs; list_transform binds the text
-- once, so a group's test and passes do not re-evaluate the groups before it.
CREATE OR REPLACE TEMP MACRO mask_emails(s) AS list_transform([s], lambda x: CASE WHEN contains(x, '@')
  THEN regexp_replace(x, '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}', '[邮箱]', 'g')
  ELSE x END)[1];

-- ID cards (6-digit area, birth date 19xx/20xx, sequence, check digit) and bank cards (UnionPay/
-- Visa/Master/Amex prefixes, 15–19 digits, optionally in groups of 4): both need 12 digits or more.
CREATE OR REPLACE TEMP MACRO mask_cards(s) AS list_transform([s], lambda x: CASE WHEN regexp_matches(x, '[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}')
  THEN regexp_replace(regexp_replace(x,
    '(^|[^0-9A-Za-z])([1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])([^0-9A-Za-z]|$)', '\1[身份证]\3', 'g'),
    '(^|[^0-9A-Za-z])((?:62|4[0-9]|5[1-5]|3[47])[0-9]{2}(?:[ -]?[0-9]{4}){2,3}[ -]?[0-9]{3,4})([^0-9A-Za-z]|$)', '\1[银行卡]\3', 'g')
  ELSE x END)[1];

CREATE OR REPLACE TEMP MACRO mask_phones(s) AS
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(s,
    -- mobile with a country code (+86, 0086): the prefix itself marks it, no leading boundary needed
    '(?:\+86|0086)[ -]?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}([^0-9A-Za-z]|$)', '[电话]\1', 'g'),
    -- mobile: 1[3-9]x, separators by space or dash
    '(^|[^0-9A-Za-z])(1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})([^0-9A-Za-z]|$)', '\1[电话]\3', 'g'),
    -- landline with area code: 010-12345678, (0531)8888888, 0571 88886666
    '(^|[^0-9A-Za-z])((?:\(0[1-9][0-9]{1,2}\)|（0[1-9][0-9]{1,2}）|0[1-9][0-9]{1,2}[ -])[2-9][0-9]{6,7}(?:-[0-9]{1,4})?)([^0-9A-Za-z]|$)', '\1[电话]\3', 'g'),
    -- a second pass catches adjacent matches whose shared boundary the first pass consumed
    '(^|[^0-9A-Za-z])(1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})([^0-9A-Za-z]|$)', '\1[电话]\3', 'g');

-- Every number pattern holds a run of 7 digits (phone numbers may split it by one space or dash).
CREATE OR REPLACE TEMP MACRO mask_numbers(s) AS list_transform([s], lambda x: CASE WHEN regexp_matches(x, '[0-9]{3}[ -]?[0-9]{4}')
  THEN mask_phones(mask_cards(x)) ELSE x END)[1];

-- Licence plates: province + letter + 5 (or 6 for new-energy) characters, optional separator.
CREATE OR REPLACE TEMP MACRO mask_plates(s) AS regexp_replace(s,
  '([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-HJ-NP-Za-hj-np-z])[·• .-]?([A-HJ-NP-Za-hj-np-z0-9]{4}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳]{1,2})', '[车牌]', 'g');

CREATE OR REPLACE TEMP MACRO mask_names(s) AS list_transform([s], lambda x: CASE
  WHEN regexp_matches(x, '联系人|来电人|投诉人|举报人|报警人|反映人|当事人|姓名|我叫|本人叫|名叫|我姓|本人姓|先生|女士|小姐|阿姨|大爷|师傅')
  THEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(x,
    -- a name given after a label: 来电人：张三, 联系人王小明，…, 联系人王小明[电话] — a common surname, then
    -- one or two characters, then punctuation or a phone number, so 来电人反映：… keeps its words
    '(联系人|来电人|投诉人|举报人|报警人|反映人|当事人|姓名)([：:]\s*)?[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧][\p{Han}]{1,2}([：:，,。；;（(\s]|\[电话\]|$)', '\1\2[姓名]\3', 'g'),
    '(我叫|本人叫|名叫)[\p{Han}]{2,3}', '\1[姓名]', 'g'),
    '(我姓|本人姓)[\p{Han}]', '\1[姓名]', 'g'),
    -- surname + polite title: 张先生, 王女士 (common surnames only, so 一位女士 is left alone)
    '[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤](先生|女士|小姐|阿姨|大爷|师傅)', '[姓名]\1', 'g')
  ELSE x END)[1];

-- Most texts hold no personal data: one cheap scan for anything the passes above could match
-- lets them through untouched.
CREATE OR REPLACE TEMP MACRO mask_pii(s) AS
  CASE WHEN s IS NULL THEN NULL
  WHEN regexp_matches(s, '[0-9]{3}[ -]?[0-9]{4}|@|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Za-z]|联系人|来电人|投诉人|举报人|报警人|反映人|当事人|姓名|我叫|本人叫|名叫|我姓|本人姓|先生|女士|小姐|阿姨|大爷|师傅')
    THEN mask_names(mask_plates(mask_numbers(mask_emails(s))))
  ELSE s END;

-- The caller's number reduced to its digits (country code dropped), then a salted hash.
CREATE OR REPLACE TEMP MACRO caller_key_digits(digits, salt) AS
  CASE WHEN digits IS NULL OR digits = '' THEN NULL
  WHEN length(digits) = 13 AND starts_with(digits, '86') THEN sha256(salt || substr(digits, 3))
  WHEN length(digits) = 15 AND starts_with(digits, '0086') THEN sha256(salt || substr(digits, 5))
  ELSE sha256(salt || digits)
  END;

CREATE OR REPLACE TEMP MACRO caller_key(phone, salt) AS caller_key_digits(regexp_replace(phone, '[^0-9]', '', 'g'), salt);

-- Date-time text reduced to one shape before parsing: 2022/5/16, 2022年5月16日 8时3分 and 2022-05-16T08:03
-- all become dashes and colons (2022-5-16 8:3), so a few formats cover them all.
CREATE OR REPLACE TEMP MACRO ts_shape(s) AS
  rtrim(regexp_replace(regexp_replace(translate(s, '/年月日T时分秒', '---  ::'), ' +', ' ', 'g'), ':$', ''));

-- The formats tried, in order, on the reshaped text (the year always comes first: no D/M ambiguity).
CREATE OR REPLACE TEMP MACRO local_formats() AS
  ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d', '%Y-%m-%d %H', '%Y%m%d%H%M%S', '%Y%m%d',
   '%Y.%m.%d %H:%M:%S', '%Y.%m.%d %H:%M', '%Y.%m.%d'];

-- Text → TIMESTAMPTZ. Values with a zone (Z, +08:00) keep it; others are local time in `tz`.
-- Excel serial numbers (days since 1899-12-30) are accepted; `extra` holds a mapping's own formats,
-- tried on the text as given before the built-in ones.
CREATE OR REPLACE TEMP MACRO parse_ts_clean(s, tz, extra) AS
  CASE
    WHEN s IS NULL OR s = '' THEN NULL
    WHEN regexp_full_match(s, '[0-9]{5}(\.[0-9]+)?') AND CAST(s AS DOUBLE) BETWEEN 1 AND 2958465 THEN
      timezone(tz, TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(s AS DOUBLE) * 86400000) AS BIGINT) * 1000))
    WHEN regexp_matches(s, '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)$') THEN
      try_strptime(regexp_replace(regexp_replace(s, 'Z$', '+00:00'), '([+-][0-9]{2})$', '\1:00'),
        ['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%d %H:%M:%S%z', '%Y-%m-%d %H:%M:%S.%f%z', '%Y-%m-%dT%H:%M%z'])
    ELSE timezone(tz, coalesce(
      CASE WHEN len(extra) > 0 THEN try_strptime(s, list_concat(extra, ['%Y-%m-%d %H:%M:%S'])) END,
      try_strptime(ts_shape(s), local_formats())))
  END;

-- The two commonest export shapes, tried on the text as given and only on text of their shape (a
-- failed strptime costs several successful ones). NULL hands the value on to parse_ts_clean, whose
-- reshaped formats give the same result for these shapes.
CREATE OR REPLACE TEMP MACRO parse_ts_common(s, tz) AS
  CASE
    WHEN strlen(s) = 19 AND s[5] = '-' THEN timezone(tz, try_strptime(s, '%Y-%m-%d %H:%M:%S'))
    WHEN s[5] = '/' AND contains(s, ':') THEN timezone(tz, try_strptime(s, '%Y/%m/%d %H:%M'))
  END;

-- list_transform binds the cleaned text once, for the values that need it: as a plain argument it
-- would be computed for every row, since parse_ts_clean uses it many times.
CREATE OR REPLACE TEMP MACRO parse_ts(raw, tz, extra) AS
  coalesce(
    CASE WHEN len(extra) = 0 THEN parse_ts_common(CAST(raw AS VARCHAR), tz) END,
    list_transform([trim(replace(CAST(raw AS VARCHAR), chr(160), ' '))], lambda s: parse_ts_clean(s, tz, extra))[1]);

-- A TIMESTAMPTZ as the text a cast to VARCHAR gives (part of row hashes). The cast goes through ICU;
-- in Asia/Shanghai since 1992 (no daylight saving) plain arithmetic gives the same text for less.
CREATE OR REPLACE TEMP MACRO ts_text(t) AS
  CASE WHEN t >= TIMESTAMPTZ '1992-01-01 00:00:00+08' AND current_setting('TimeZone') = 'Asia/Shanghai'
    THEN make_timestamp(epoch_us(t) + 28800000000)::VARCHAR || '+08'
    ELSE t::VARCHAR END;

-- Yes/no in the words exports use → BOOLEAN (NULL when unknown). list_contains rather than IN: DuckDB
-- plans a long IN list as a join, which would not keep the rows in file order (see typed_appeals).
CREATE OR REPLACE TEMP MACRO parse_bool(raw) AS
  CASE
    WHEN list_contains(['是', '1', 'true', 't', 'y', 'yes', '已解决', '解决', '已响应', '响应', '警务类', '警情', '有效'], lower(trim(raw))) THEN true
    WHEN list_contains(['否', '0', 'false', 'f', 'n', 'no', '未解决', '未响应', '非警务类', '非警情', '无效'], lower(trim(raw))) THEN false
    ELSE NULL
  END;

-- Channel and satisfaction words → codes. The commonest values are looked up first: equality costs
-- far less than the patterns.
CREATE OR REPLACE TEMP MACRO norm_channel(raw) AS
  CASE raw WHEN '电话' THEN 'phone' WHEN '网站' THEN 'web' WHEN '微信' THEN 'wechat' WHEN 'APP' THEN 'app' WHEN '短信' THEN 'sms' ELSE
  CASE
    WHEN raw IS NULL OR trim(raw) = '' THEN NULL
    WHEN regexp_matches(lower(raw), '电话|热线|phone|call|来电|110') THEN 'phone'
    WHEN regexp_matches(lower(raw), '微信|wechat|公众号|小程序') THEN 'wechat'
    WHEN regexp_matches(lower(raw), 'app|客户端|mobile') THEN 'app'
    WHEN regexp_matches(lower(raw), '网站|网络|网上|web|online|portal|留言|邮件|e-?mail|qq|微博') THEN 'web'
    WHEN regexp_matches(lower(raw), '短信|sms|text') THEN 'sms'
    ELSE 'other'
  END END;

CREATE OR REPLACE TEMP MACRO norm_satisfaction(raw) AS
  CASE raw WHEN '满意' THEN 'satisfied' WHEN '基本满意' THEN 'basic' WHEN '不满意' THEN 'dissatisfied' ELSE
  CASE
    WHEN raw IS NULL OR trim(raw) = '' THEN NULL
    WHEN regexp_matches(raw, '不满意|dissatisf|unsatisf') THEN 'dissatisfied'
    WHEN regexp_matches(raw, '基本满意|一般|basic') THEN 'basic'
    WHEN regexp_matches(raw, '满意|satisf') THEN 'satisfied'
    ELSE NULL
  END END;

CREATE OR REPLACE TEMP MACRO norm_method(raw) AS
  CASE
    WHEN raw IS NULL OR trim(raw) = '' THEN 'dispatch'
    WHEN regexp_matches(lower(raw), '三方|three') THEN 'three_party_call'
    WHEN regexp_matches(lower(raw), '一键|转接|one.?click|hot.?transfer') THEN 'one_click'
    WHEN regexp_matches(lower(raw), '在线|网上|线上|online|推送') THEN 'online'
    WHEN regexp_matches(lower(raw), '派|交办|dispatch|assign') THEN 'dispatch'
    ELSE NULL
  END;

-- Transfer outcome: explicit value first, otherwise a return reason means returned, an accept time accepted.
CREATE OR REPLACE TEMP MACRO norm_outcome(raw, reason, accepted) AS
  CASE
    WHEN regexp_matches(coalesce(raw, ''), '退|驳回|拒|return|reject') THEN 'returned'
    WHEN regexp_matches(coalesce(raw, ''), '协商|会商|negotiat') THEN 'negotiated'
    WHEN regexp_matches(coalesce(raw, ''), '待|未签收|pending|waiting') THEN 'pending'
    WHEN regexp_matches(coalesce(raw, ''), '签收|接收|受理|办结|accept|done|closed') THEN 'accepted'
    WHEN nz(raw) IS NOT NULL THEN NULL
    WHEN nz(reason) IS NOT NULL THEN 'returned'
    WHEN accepted IS NOT NULL THEN 'accepted'
    ELSE 'pending'
  END;

-- Parties named in transfer logs → canonical codes for platforms and hotlines, unit names as given.
CREATE OR REPLACE TEMP MACRO norm_party(raw) AS
  CASE
    WHEN raw IS NULL THEN NULL
    WHEN regexp_full_match(trim(raw), '(12345.*|市民热线|政务服务便民热线)') THEN '12345'
    WHEN regexp_full_match(trim(raw), '(110|110.*指挥中心|公安110)') THEN '110'
    WHEN trim(raw) IN ('119', '120', '122') THEN trim(raw)
    WHEN regexp_matches(raw, '供水热线|自来水热线|^water$') THEN 'water'
    WHEN regexp_matches(raw, '供电热线|电力热线|95598|^power$') THEN 'power'
    WHEN regexp_matches(raw, '燃气热线|^gas$') THEN 'gas'
    WHEN regexp_matches(raw, '供热热线|^heat$') THEN 'heat'
    ELSE trim(raw)
  END;

-- The source header a canonical field was read from, for reject reasons ("来电时间 '…' is not a date").
CREATE OR REPLACE TEMP MACRO lbl(field) AS
  coalesce(json_extract_string(getvariable('ingest_labels'), '$.' || field), field);

-- A value quoted for a reject reason, cut short so one bad cell cannot flood the report.
CREATE OR REPLACE TEMP MACRO quoted(raw) AS
  '''' || CASE WHEN length(raw) > 60 THEN left(raw, 57) || '…' ELSE raw END || '''';

-- Why a row cannot be loaded: what is wrong (`code`), the field's source header and the offending
-- value, quoted; reject_before adds the field and value it is compared with. Packed into one string
-- (code␟header␟value␟header2␟value2): a struct here made typing a million rows 2 s slower.
CREATE OR REPLACE TEMP MACRO reject(code, field, val) AS
  code || chr(31) || lbl(field) || chr(31) || coalesce(quoted(val), '');

CREATE OR REPLACE TEMP MACRO reject_before(field, val, field2, val2) AS
  'before' || chr(31) || lbl(field) || chr(31) || quoted(val) || chr(31) || lbl(field2) || chr(31) || quoted(val2);

-- A packed reason as data, for the dashboard to word in its own language.
CREATE OR REPLACE TEMP MACRO reject_data(packed) AS
  list_transform([string_split(packed, chr(31))], lambda p: {'code': p[1], 'label': p[2], 'value': nullif(p[3], ''), 'label2': p[4], 'value2': p[5]})[1];

-- A reject reason with its quoted values stripped, so alike reasons group (来电时间 … is not a date),
-- and its data likewise (field counts stay: they are part of the grouped text).
CREATE OR REPLACE TEMP MACRO reason_shape(reason) AS regexp_replace(reason, '''[^'']*''', '…', 'g');

CREATE OR REPLACE TEMP MACRO reason_data_shape(data) AS json_merge_patch(data, '{"value": null, "value2": null}');

-- The reason in English, as the CLI and the rejects table give it: 来电时间 '2025-13-45' is not a date.
CREATE OR REPLACE TEMP MACRO reject_text(r) AS
  r.label || coalesce(' ' || r.value, '') || ' ' || CASE r.code
    WHEN 'empty' THEN 'is empty'
    WHEN 'not_a_date' THEN 'is not a date'
    WHEN 'date_out_of_range' THEN 'is not between 1990 and today'
    WHEN 'before' THEN 'is before ' || r.label2 || ' ' || r.value2
    WHEN 'not_a_longitude' THEN 'is not a longitude'
    WHEN 'not_a_latitude' THEN 'is not a latitude'
    WHEN 'not_police_kind' THEN 'is not one of 警务类/非警务类/是/否'
    WHEN 'not_yes_no' THEN 'is not 是 or 否'
    WHEN 'not_whole_number' THEN 'is not a whole number'
    WHEN 'not_transfer_method' THEN 'is not one of 派单/一键转接/在线转办/三方通话'
    WHEN 'not_transfer_outcome' THEN 'is not one of 签收/退回/协商/待签收'
  END;

-- A transfer party that is a handling unit, not a platform or hotline code (see transfers.to_party).
CREATE OR REPLACE TEMP MACRO is_handling_unit(p) AS
  p IS NOT NULL AND p NOT IN ('12345', '110', '119', '120', '122', 'water', 'power', 'gas', 'heat');

-- The text as JSON when it is a JSON object, else NULL (never an error, unlike json_type on bad JSON).
CREATE OR REPLACE TEMP MACRO json_object_or_null(t) AS
  CASE WHEN json_valid(t) THEN CASE WHEN json_type(t::JSON) = 'OBJECT' THEN t::JSON END END;
