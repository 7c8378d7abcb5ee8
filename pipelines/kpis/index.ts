export { computeKpis, kpiAppeals, PERIODS, type KpiOptions, type KpiReport, type KpiSeries, type KpiValue, type KpiAppeals, type KpiAppealRow, type Period } from './compute.js';
export { KPIS, kpiById, type KpiDefinition, type KpiKind } from './catalog.js';
