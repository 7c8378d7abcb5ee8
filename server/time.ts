const LOCAL = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** A Date as local (Asia/Shanghai, like the database sessions) 'YYYY-MM-DD HH:MM'. */
export function localMinute(d: Date | string): string {
  return LOCAL.format(typeof d === 'string' ? new Date(d) : d);
}

const LOCAL_SECOND = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** A Date as local 'YYYYMMDD-HHMMSS', for names that sort by time. */
export function localStamp(d: Date): string {
  return LOCAL_SECOND.format(d).replace(/[-:]/g, '').replace(' ', '-');
}
