const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' });

/** Usage is counted per calendar month in Japan time, as customers read their invoices. */
export function usageMonth(at: Date): string {
  const parts = Object.fromEntries(monthFormat.formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}`;
}
