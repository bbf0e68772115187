import {
  consentBodySchema,
  consentViewSchema,
  createdSchema,
  createVictimFileBodySchema,
  dischargeBodySchema,
  exploitationBodySchema,
  facilityBodySchema,
  facilityListQuerySchema,
  facilityViewSchema,
  followUpBodySchema,
  formatErrorMessage,
  identificationBodySchema,
  idParamsSchema,
  pageSchema,
  problemSchema,
  protectionAssessmentBodySchema,
  REFERRAL_ACTIONS,
  referralActionBodySchema,
  referralBodySchema,
  referralListQuerySchema,
  referralViewSchema,
  revealBodySchema,
  revealResultSchema,
  statementBodySchema,
  statisticsQuerySchema,
  statisticsViewSchema,
  stayBodySchema,
  stayViewSchema,
  supportRateBodySchema,
  supportRateListQuerySchema,
  supportRateViewSchema,
  supportServiceBodySchema,
  supportServiceUpdateBodySchema,
  supportServiceViewSchema,
  threatBodySchema,
  victimFileDetailSchema,
  victimFileListItemSchema,
  victimFileListQuerySchema,
  withdrawConsentBodySchema,
} from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { registerPrefillProvider } from '../reports/index.ts';
import { createVictimCaseworkService } from './victim-casework.service.ts';
import { victimRecordRoutes } from './victim-records.routes.ts';
import { createVictimReferralsService } from './victim-referrals.service.ts';
import { smallCellThreshold, statisticsFor, victimPrefill } from './victim-statistics.ts';
import { createVictimSupportService } from './victim-support.service.ts';
import { createVictimsService, PossibleDuplicateError } from './victims.service.ts';

const tags = ['victims'];

const READ_NOTE = ' (quyền read:victims hoặc read:support trong phạm vi, hoặc cơ quan nhận chuyển tuyến)';
const MANAGE_NOTE = ' (quyền manage:victims hoặc manage:support trên hồ sơ)';

/**
 * Victim files (issue 5): reception, identification, consents, referrals, support, protection,
 * follow-up and statistics. Identity is masked everywhere; plaintext only through the audited reveal.
 */
export function victimRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const { cipher } = deps;
  const victims = createVictimsService({ db: deps.db, clock: deps.clock, cipher });
  const casework = createVictimCaseworkService({ db: deps.db, clock: deps.clock, cipher });
  const referrals = createVictimReferralsService({ db: deps.db, clock: deps.clock, cipher });
  const support = createVictimSupportService({ db: deps.db, clock: deps.clock, cipher });
  registerPrefillProvider('victims', 'Hồ sơ nạn nhân', victimPrefill);
  const threshold = smallCellThreshold();

  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    await app.register(victimRecordRoutes(deps));

    app.post(
      '/victim-files',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Tiếp nhận: tạo hồ sơ nạn nhân (nhân thân được mã hóa; kiểm tra trùng trước khi tạo)',
          description:
            '409 victim.possible_duplicate kèm `duplicates` (hồ sơ trong phạm vi của bạn) hoặc victim.possible_duplicate_elsewhere ' +
            '(chỉ nêu tên đơn vị); gửi lại với `confirmNotDuplicate: true` để vẫn tạo.',
          body: createVictimFileBodySchema,
          response: {
            201: z.object({ id: z.uuid(), reference: z.string(), warnings: z.record(z.string(), z.string()) }),
            409: problemSchema.extend({ duplicates: z.array(z.object({ fileId: z.uuid(), reference: z.string() })).optional() }),
          },
        },
      },
      async (request, reply) => {
        try {
          return reply.status(201).send(await victims.create(actorOf(request), request.body, auditContextOf(request)));
        } catch (error) {
          if (!(error instanceof PossibleDuplicateError)) throw error;
          const body = {
            type: `urn:atmis:problem:${error.code}`,
            title: formatErrorMessage(error.code, localeOf(request), error.params),
            status: 409,
            code: error.code,
            instance: request.url.split('?')[0],
            // Inside the reader's scope only; a match elsewhere is named by its unit, never by id or detail.
            ...(error.inScope.length ? { duplicates: error.inScope } : {}),
          };
          return reply.status(409).type('application/problem+json; charset=utf-8').send(body);
        }
      },
    );
    app.get(
      '/victim-files',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: {
          tags,
          summary: `Danh sách hồ sơ nạn nhân (che nhân thân; tìm theo từng từ của họ tên hoặc đúng số CCCD)${READ_NOTE}`,
          querystring: victimFileListQuerySchema,
          response: { 200: pageSchema(victimFileListItemSchema) },
        },
      },
      (request) => victims.list(actorOf(request), request.query),
    );
    app.get(
      '/victim-files/:id',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: {
          tags,
          summary: `Chi tiết hồ sơ (che nhân thân; các phần theo quyền)${READ_NOTE}`,
          params: idParamsSchema,
          response: { 200: victimFileDetailSchema },
        },
      },
      (request) => victims.get(actorOf(request), request.params.id, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/reveal',
      {
        config: { permission: 'read:victim_identity' },
        schema: {
          tags,
          summary: 'Xem thông tin nhận diện (có lý do, ghi nhật ký victim.reveal)',
          params: idParamsSchema,
          body: revealBodySchema,
          response: { 200: revealResultSchema },
        },
      },
      (request) => victims.reveal(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-persons/:id/identification',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Xác minh, xác định nạn nhân: bắt đầu xác minh, quyết định, xem xét lại',
          params: idParamsSchema,
          body: identificationBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => casework.identify(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-persons/:id/exploitation',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Ghi nhận hình thức bị mua bán, bóc lột (thay thế bản trước)',
          params: idParamsSchema,
          body: exploitationBodySchema,
          response: { 200: createdSchema },
        },
      },
      (request) => casework.setExploitation(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/consents',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Ghi nhận sự đồng ý${MANAGE_NOTE}`,
          params: idParamsSchema,
          body: consentBodySchema,
          response: { 201: consentViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await casework.addConsent(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-consents/:id/withdraw',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Rút lại sự đồng ý${MANAGE_NOTE}`,
          params: idParamsSchema,
          body: withdrawConsentBodySchema,
          response: { 200: consentViewSchema },
        },
      },
      (request) => casework.withdrawConsent(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/referrals',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Chuyển tuyến (cần sự đồng ý còn hiệu lực hoặc căn cứ pháp lý)${MANAGE_NOTE}`,
          params: idParamsSchema,
          body: referralBodySchema,
          response: { 201: referralViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await referrals.sendReferral(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.get(
      '/victim-referrals',
      {
        config: { permission: ['read:victims', 'read:support'] },
        schema: {
          tags,
          summary: `Chuyển tuyến đến (cơ quan của tôi nhận) hoặc đi (hồ sơ trong phạm vi), có cờ quá hạn trả lời${READ_NOTE}`,
          querystring: referralListQuerySchema,
          response: { 200: pageSchema(referralViewSchema) },
        },
      },
      (request) => referrals.listReferrals(actorOf(request), request.query),
    );
    for (const action of REFERRAL_ACTIONS) {
      const labels = {
        accept: 'Tiếp nhận',
        decline: 'Từ chối (có lý do)',
        complete: 'Hoàn thành',
        cancel: 'Hủy (đơn vị chuyển, có lý do)',
      };
      app.post(
        `/victim-referrals/:id/${action}`,
        {
          config: { permission: ['manage:victims', 'manage:support'] },
          schema: {
            tags,
            summary: `${labels[action]} chuyển tuyến (manage:victims hoặc manage:support của bên tương ứng)`,
            params: idParamsSchema,
            body: referralActionBodySchema,
            response: { 200: referralViewSchema },
          },
        },
        (request) => referrals.actOnReferral(actorOf(request), request.params.id, action, request.body, auditContextOf(request)),
      );
    }
    app.post(
      '/victim-files/:id/support-services',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Ghi nhận hỗ trợ (kế hoạch hoặc đã thực hiện; số tiền là số nguyên đồng)',
          params: idParamsSchema,
          body: supportServiceBodySchema,
          response: { 201: supportServiceViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await support.addSupport(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.patch(
      '/victim-support-services/:id',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Cập nhật trạng thái, ngày, số tiền của một khoản hỗ trợ',
          params: idParamsSchema,
          body: supportServiceUpdateBodySchema,
          response: { 200: supportServiceViewSchema },
        },
      },
      (request) => support.updateSupport(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.get(
      '/victim-support-rates',
      {
        config: { permission: 'read:support' },
        schema: {
          tags,
          summary: 'Định mức hỗ trợ (theo loại, đơn vị, ngày áp dụng)',
          querystring: supportRateListQuerySchema,
          response: { 200: z.object({ items: z.array(supportRateViewSchema) }) },
        },
      },
      (request) => support.listRates(request.query),
    );
    app.post(
      '/victim-support-rates',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Thêm định mức hỗ trợ (cấp tỉnh hoặc trung ương, theo văn bản)',
          body: supportRateBodySchema,
          response: { 201: supportRateViewSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await support.createRate(actorOf(request), request.body, auditContextOf(request))),
    );
    app.get(
      '/victim-facilities',
      {
        config: { permission: 'read:support' },
        schema: {
          tags,
          summary: 'Cơ sở trợ giúp, nhà tạm lánh (trong phạm vi và của cấp trên), với số chỗ đang dùng',
          querystring: facilityListQuerySchema,
          response: { 200: z.object({ items: z.array(facilityViewSchema) }) },
        },
      },
      (request) => support.listFacilities(actorOf(request), request.query),
    );
    app.post(
      '/victim-facilities',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Thêm cơ sở trợ giúp, nhà tạm lánh',
          body: facilityBodySchema,
          response: { 201: facilityViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await support.createFacility(actorOf(request), request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-files/:id/stays',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Đưa vào cơ sở trợ giúp (kiểm tra số chỗ; mỗi người một nơi tại một thời điểm)',
          params: idParamsSchema,
          body: stayBodySchema,
          response: { 201: stayViewSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await support.admit(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-stays/:id/discharge',
      {
        config: { permission: 'manage:support' },
        schema: {
          tags,
          summary: 'Ra khỏi cơ sở trợ giúp',
          params: idParamsSchema,
          body: dischargeBodySchema,
          response: { 200: stayViewSchema },
        },
      },
      (request) => support.discharge(actorOf(request), request.params.id, request.body, auditContextOf(request)),
    );
    app.post(
      '/victim-files/:id/follow-ups',
      {
        config: { permission: ['manage:victims', 'manage:support'] },
        schema: {
          tags,
          summary: `Ghi nhận lần thăm, theo dõi tái hòa nhập${MANAGE_NOTE}`,
          params: idParamsSchema,
          body: followUpBodySchema,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await casework.addFollowUp(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-files/:id/statements',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Ghi lời khai, biên bản (nội dung được mã hóa; chỉ xem qua reveal)',
          params: idParamsSchema,
          body: statementBodySchema,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await casework.addStatement(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-files/:id/protection-assessments',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Đánh giá an toàn, biện pháp bảo vệ (chi tiết được mã hóa)',
          params: idParamsSchema,
          body: protectionAssessmentBodySchema,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await casework.addProtectionAssessment(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.post(
      '/victim-files/:id/threats',
      {
        config: { permission: 'manage:victims' },
        schema: {
          tags,
          summary: 'Ghi nhận đe dọa đối với nạn nhân, người thân (nội dung được mã hóa)',
          params: idParamsSchema,
          body: threatBodySchema,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await casework.addThreat(actorOf(request), request.params.id, request.body, auditContextOf(request))),
    );
    app.get(
      '/victim-statistics',
      {
        config: { permission: 'read:victims' },
        schema: {
          tags,
          summary: 'Thống kê nạn nhân theo đơn vị và kỳ trọn tháng (ở mọi cấp: che ô nhỏ hơn ngưỡng ATMIS_STATS_MIN_CELL và các ô bù)',
          querystring: statisticsQuerySchema,
          response: { 200: statisticsViewSchema },
        },
      },
      (request) => statisticsFor(deps.db, actorOf(request), request.query, threshold),
    );
  };
}
