// The demo practice's bookable week: three appointment types and the
// clinician's hours (Monday–Friday 09:00–17:00, practice time), so the demo
// site's booking page has real times to offer on a first run.
import type { AppServices } from '../../services.js';

export async function seedDemoSchedule(services: AppServices, practiceId: string, clinicianId: string): Promise<void> {
  await services.prisma.appointmentType.createMany({
    data: [
      {
        practiceId,
        name: 'Free 15-minute consultation',
        durationMinutes: 15,
        modality: 'telehealth',
        clientEligibility: 'new_only',
        minNoticeMinutes: 120,
        slotIntervalMinutes: 15,
      },
      {
        practiceId,
        name: 'Individual therapy (50 min)',
        durationMinutes: 50,
        modality: 'in_person',
        priceCents: 15000,
        bufferAfterMinutes: 10,
        slotIntervalMinutes: 60,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 7500,
      },
      {
        practiceId,
        name: 'Telehealth session (50 min), request to book',
        durationMinutes: 50,
        modality: 'telehealth',
        priceCents: 15000,
        bookingMode: 'request',
        bufferAfterMinutes: 10,
        slotIntervalMinutes: 60,
      },
    ],
  });
  await services.prisma.weeklyHours.createMany({
    data: [1, 2, 3, 4, 5].map((weekday) => ({ practiceId, clinicianId, weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
  });
}
