import { z } from 'zod';
import { Role } from './common.js';

export const UserRow = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string().nullable(),
  role: Role,
  unit: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const UserList = z.object({ users: z.array(UserRow) });

const password = z.string().min(10, 'a password needs at least 10 characters').max(200);
const username = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dot, dash and underscore only');

export const CreateUserBody = z
  .object({
    username,
    displayName: z.string().trim().max(100).optional(),
    role: Role,
    unit: z.string().trim().min(1).max(200).optional(),
    password,
  })
  .refine((v) => (v.role === 'unit_head') === Boolean(v.unit), { message: 'a unit head needs a unit, and only a unit head has one', path: ['unit'] });

export const UpdateUserBody = z
  .object({
    displayName: z.string().trim().max(100).optional(),
    role: Role.optional(),
    unit: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((v) => v.role === undefined || (v.role === 'unit_head') === Boolean(v.unit), { message: 'a unit head needs a unit, and only a unit head has one', path: ['unit'] })
  .refine((v) => v.role !== undefined || v.unit === undefined, { message: 'a unit is set together with the role', path: ['unit'] });

export const UserIdParams = z.object({ userId: z.coerce.number().int().min(1) });

export const AuditQuery = z.object({
  action: z.string().max(40).optional(),
  who: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const AuditRow = z.object({
  auditId: z.number().int(),
  who: z.string(),
  action: z.string(),
  what: z.string().nullable(),
  at: z.string(),
  details: z.string().nullable(),
});
export const AuditList = z.object({ rows: z.array(AuditRow) });
