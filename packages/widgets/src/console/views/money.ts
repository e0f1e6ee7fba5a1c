/** An amount in cents as the user's locale writes money (`$40.00`, `40,00 US$`). */
export function formatMoney(locale: string, cents: number, currency: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}
