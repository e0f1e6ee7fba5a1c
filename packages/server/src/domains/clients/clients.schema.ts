import { z } from 'zod';

const name = z.string().trim().min(1).max(100);
export const isoDate = z.iso.date();

export const clientFields = {
  firstName: name,
  lastName: name,
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, 'Phone number')
    .optional(),
  dateOfBirth: isoDate.optional(),
};

export const createClientInput = z.strictObject({
  ...clientFields,
  guardianId: z.uuid().optional(),
});

export const updateClientInput = z.strictObject({
  clientId: z.uuid(),
  firstName: name.optional(),
  lastName: name.optional(),
  email: clientFields.email,
  phone: clientFields.phone,
  dateOfBirth: clientFields.dateOfBirth,
  guardianId: z.uuid().nullable().optional(),
});

export const clientIdInput = z.strictObject({ clientId: z.uuid() });

export const listClientsInput = z
  .strictObject({
    cursor: z.uuid().optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });
