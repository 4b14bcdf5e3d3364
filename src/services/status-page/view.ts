import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { StatusComponent, StatusPage } from '../../contracts/status-page.js';
import type { ComponentStatus } from '../../domain/status/types.js';
import { notFound } from '../../domain/errors.js';
import type { StatusComponentTable, StatusPageTable } from '../../store/schema-status.js';
import type { Executor } from '../context.js';
import { pageUrl } from '../../domain/status/page-url.js';

export type StatusPageView = z.infer<typeof StatusPage>;
export type StatusComponentView = z.infer<typeof StatusComponent>;
export type PageRow = Selectable<StatusPageTable>;
export type ComponentRow = Selectable<StatusComponentTable>;

export function viewStatusPage(row: PageRow, publicUrl: string): StatusPageView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    visibility: row.visibility as StatusPageView['visibility'],
    language: row.language as StatusPageView['language'],
    timeZone: row.timeZone,
    hostname: row.hostname,
    url: pageUrl(row, publicUrl),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function viewComponent(row: ComponentRow, groupName: string | null, status: ComponentStatus): StatusComponentView {
  return {
    id: row.id,
    pageId: row.pageId,
    name: row.name,
    description: row.description,
    group: groupName,
    groupId: row.groupId,
    serviceId: row.serviceId,
    position: Number(row.position),
    manualStatus: (row.manualStatus as ComponentStatus | null) ?? null,
    status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function loadPageRow(ex: Executor, id: string): Promise<PageRow> {
  const row = await ex.selectFrom('statusPage').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('status page', id);
  return row;
}

export async function loadComponentRow(ex: Executor, pageId: string, id: string): Promise<ComponentRow> {
  const row = await ex.selectFrom('statusComponent').selectAll().where('id', '=', id).where('pageId', '=', pageId).where('isGroup', '=', 0).executeTakeFirst();
  if (!row) throw notFound('status page component', id);
  return row;
}
