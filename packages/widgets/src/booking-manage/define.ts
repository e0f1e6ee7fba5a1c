import { defineElement } from '../internal/define.js';
import { TcrmSlotGrid } from '../booking/slot-grid.js';
import { TcrmBookingManage } from './booking-manage.js';

// The times grid is the booking widget's; registering it again is a no-op.
defineElement('tcrm-slot-grid', TcrmSlotGrid);
defineElement('tcrm-booking-manage', TcrmBookingManage);

declare global {
  interface HTMLElementTagNameMap {
    'tcrm-booking-manage': TcrmBookingManage;
  }
}
