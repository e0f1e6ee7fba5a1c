/** A console location, parsed from the URL hash (`#/submissions/<id>`). */
export type Route =
  | { readonly name: 'sign-in' }
  | { readonly name: 'inbox'; readonly status: 'new' | 'reviewed' | 'all' }
  | { readonly name: 'submission'; readonly id: string }
  | { readonly name: 'forms' }
  | { readonly name: 'form'; readonly id: string }
  | { readonly name: 'settings' }
  | { readonly name: 'calendar'; readonly view: 'day' | 'week'; readonly date: string }
  | { readonly name: 'availability' }
  | { readonly name: 'appointment-types' }
  | { readonly name: 'payments'; readonly status: PaymentFilter };

/** The payments table's status filter (`all`: no filter). */
export type PaymentFilter = 'all' | 'due' | 'paid' | 'waived' | 'refunded';
export const PAYMENT_FILTERS: readonly PaymentFilter[] = [
  'due',
  'paid',
  'waived',
  'refunded',
  'all',
];

const ID = /^[0-9a-f-]{36}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Hash routing: the server serves one static index.html, and a hash never
 * reaches the server or its logs, so ids in it stay out of access logs.
 */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case 'sign-in':
      return { name: 'sign-in' };
    case 'submissions':
      if (parts[1] && ID.test(parts[1])) return { name: 'submission', id: parts[1] };
      break;
    case 'forms':
      if (!parts[1]) return { name: 'forms' };
      if (ID.test(parts[1])) return { name: 'form', id: parts[1] };
      break;
    case 'settings':
      return { name: 'settings' };
    case 'calendar': {
      // An empty date means "today in the practice's timezone" (the view knows the zone).
      const date = params.get('date') ?? '';
      return {
        name: 'calendar',
        view: params.get('view') === 'day' ? 'day' : 'week',
        date: DATE.test(date) ? date : '',
      };
    }
    case 'availability':
      return { name: 'availability' };
    case 'appointment-types':
      return { name: 'appointment-types' };
    case 'payments': {
      const filter = PAYMENT_FILTERS.find((f) => f === params.get('status'));
      return { name: 'payments', status: filter ?? 'due' };
    }
  }
  const status = params.get('status');
  return { name: 'inbox', status: status === 'reviewed' || status === 'all' ? status : 'new' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'sign-in':
      return '#/sign-in';
    case 'inbox':
      return route.status === 'new' ? '#/inbox' : `#/inbox?status=${route.status}`;
    case 'submission':
      return `#/submissions/${route.id}`;
    case 'forms':
      return '#/forms';
    case 'form':
      return `#/forms/${route.id}`;
    case 'settings':
      return '#/settings';
    case 'calendar':
      return route.date ? `#/calendar?view=${route.view}&date=${route.date}` : '#/calendar';
    case 'availability':
      return '#/availability';
    case 'appointment-types':
      return '#/appointment-types';
    case 'payments':
      return route.status === 'due' ? '#/payments' : `#/payments?status=${route.status}`;
  }
}
