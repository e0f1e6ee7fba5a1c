// The console page's only script (index.html loads it; the server's CSP
// allows no inline script). Registers the elements; index.html already
// holds <tcrm-console-app>, which upgrades here.
import './define.js';
