import { defineElement } from '../internal/define.js';
import { TcrmBooking } from './booking.js';
import { TcrmSlotGrid } from './slot-grid.js';

defineElement('tcrm-slot-grid', TcrmSlotGrid);
defineElement('tcrm-booking', TcrmBooking);

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-booking': TcrmBooking;
    'tcrm-slot-grid': TcrmSlotGrid;
  }
}
