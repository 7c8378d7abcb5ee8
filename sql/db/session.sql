-- Session settings of every connection: local dates and times are Beijing time.
SET TimeZone = 'Asia/Shanghai';
