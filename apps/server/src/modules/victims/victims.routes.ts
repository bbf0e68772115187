import { formatErrorMessage, victimRouteContracts } from '@atmis/domain';
import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDependencies } from '../../platform/modules/module-dependencies.ts';
import { actorOf, auditContextOf } from '../../platform/auth/request-guard.ts';
import { localeOf } from '../../platform/errors/problem-handler.ts';
import { type ContractHandler, registerRoutes } from '../../platform/http/register-routes.ts';
import { createVictimCaseworkService } from './victim-casework.service.ts';
import { victimRecordRoutes } from './victim-records.routes.ts';
import { createVictimReferralsService } from './victim-referrals.service.ts';
import { smallCellThreshold, statisticsFor, victimPrefill } from './victim-statistics.ts';
import { createVictimSupportService } from './victim-support.service.ts';
import { createVictimsService, PossibleDuplicateError } from './victims.service.ts';

/**
 * Victim files (issue 5): reception, identification, consents, referrals, support, protection,
 * follow-up and statistics. Identity is masked everywhere; plaintext only through the audited reveal.
 * The handlers of `victimRouteContracts`.
 */
export function victimRoutes(deps: ModuleDependencies): FastifyPluginAsync {
  const { cipher } = deps;
  const victims = createVictimsService({ db: deps.db, clock: deps.clock, cipher });
  const casework = createVictimCaseworkService({ db: deps.db, clock: deps.clock, cipher });
  const referrals = createVictimReferralsService({ db: deps.db, clock: deps.clock, cipher });
  const support = createVictimSupportService({ db: deps.db, clock: deps.clock, cipher });
  deps.prefill.register('victims', 'Hồ sơ nạn nhân', victimPrefill);
  const threshold = smallCellThreshold();

  /** The answer or end of a referral: one handler per action, the same service call. */
  const actOnReferral =
    (action: 'accept' | 'decline' | 'complete' | 'cancel'): ContractHandler<(typeof victimRouteContracts)['acceptVictimReferral']> =>
    (request) =>
      referrals.actOnReferral(actorOf(request), request.params.id, action, request.body, auditContextOf(request));

  return async (app) => {
    await app.register(victimRecordRoutes(deps));

    registerRoutes(app, victimRouteContracts, {
      createVictimFile: async (request, reply) => {
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
      listVictimFiles: (request) => victims.list(actorOf(request), request.query),
      getVictimFile: (request) => victims.get(actorOf(request), request.params.id, auditContextOf(request)),
      revealVictimIdentity: (request) => victims.reveal(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      identifyVictimPerson: (request) => casework.identify(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      setVictimExploitation: (request) =>
        casework.setExploitation(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      addVictimConsent: async (request, reply) =>
        reply.status(201).send(await casework.addConsent(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      withdrawVictimConsent: (request) =>
        casework.withdrawConsent(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      sendVictimReferral: async (request, reply) =>
        reply.status(201).send(await referrals.sendReferral(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      listVictimReferrals: (request) => referrals.listReferrals(actorOf(request), request.query),
      acceptVictimReferral: actOnReferral('accept'),
      declineVictimReferral: actOnReferral('decline'),
      completeVictimReferral: actOnReferral('complete'),
      cancelVictimReferral: actOnReferral('cancel'),
      addVictimSupportService: async (request, reply) =>
        reply.status(201).send(await support.addSupport(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      updateVictimSupportService: (request) =>
        support.updateSupport(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      listVictimSupportRates: (request) => support.listRates(request.query),
      createVictimSupportRate: async (request, reply) =>
        reply.status(201).send(await support.createRate(actorOf(request), request.body, auditContextOf(request))),
      listVictimFacilities: (request) => support.listFacilities(actorOf(request), request.query),
      createVictimFacility: async (request, reply) =>
        reply.status(201).send(await support.createFacility(actorOf(request), request.body, auditContextOf(request))),
      admitVictimStay: async (request, reply) =>
        reply.status(201).send(await support.admit(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      dischargeVictimStay: (request) => support.discharge(actorOf(request), request.params.id, request.body, auditContextOf(request)),
      addVictimFollowUp: async (request, reply) =>
        reply.status(201).send(await casework.addFollowUp(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      addVictimStatement: async (request, reply) =>
        reply.status(201).send(await casework.addStatement(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      addVictimProtectionAssessment: async (request, reply) =>
        reply
          .status(201)
          .send(await casework.addProtectionAssessment(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      addVictimThreat: async (request, reply) =>
        reply.status(201).send(await casework.addThreat(actorOf(request), request.params.id, request.body, auditContextOf(request))),
      getVictimStatistics: (request) => statisticsFor(deps.db, actorOf(request), request.query, threshold),
    });
  };
}
