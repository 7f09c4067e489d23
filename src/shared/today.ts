/** Today's date in the user's time zone, as YYYY-MM-DD (the hosts pass it to the core, which never reads the clock). */
export function localToday(d: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
