export function readProduction(configPath: string): Record<string, unknown>;
export function checkProductionConfig(opts?: { root?: string; apiConfig?: string; pipelineConfig?: string }): string[];
