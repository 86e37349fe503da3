export { HttpError, badRequest, notFound } from './http-error.ts';
export type { ProblemExtras } from './http-error.ts';
export { problemTitles } from './problem-titles.ts';
export { problemHandler, requestId, requestIdFrom, requestIdOf, sendProblem, unknownRoute } from './problem-handler.ts';
export { ExpiringCache } from './expiring-cache.ts';
export { refuseUpgrade, refuseUpgradeWith } from './upgrade-problem.ts';
export { expressPath, mountRoute } from './route-mounter.ts';
export type { MountOptions, RouteHandler, RouteInput } from './route-mounter.ts';
export { registeredRoutes, routeKey } from './registered-routes.ts';
