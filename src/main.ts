import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError } from './kernel/config/index.js';
import { createPlatform } from './platform.js';
import { demoCredentials, DEV_PROVIDERS_FILE } from './demo-seed.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`配置错误 configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  for (const warning of config.warnings) console.warn(`warning: ${warning}`);
  const platform = await createPlatform(config);
  const address = await platform.app.listen({ port: config.port, host: config.host });
  const url = address.replace('[::1]', 'localhost');
  console.log(`\nYibao 医保公共服务业务中台 is running at ${url}`);
  console.log(`  database: ${platform.ctx.database.kind}${config.databaseUrl ? '' : ` (${config.dataDir}/pg)`}, cache: ${platform.ctx.cache.kind}`);
  console.log(`  web: ${url}/   API docs: ${url}/docs   OpenAPI: ${url}/openapi.json`);
  if (config.seedDemo) console.log(`  demo accounts:\n${demoCredentials()}`);
  if (config.startFakes) {
    const wallet = platform.ctx.config.providers.paychannelUrl;
    console.log(`  development providers (fakes): SMS inbox ${platform.ctx.providerUrls.sms}/v1/sms/inbox?phone=…, WeChat Pay ${wallet}`);
    if (platform.ctx.providerUrls.mailInbox) console.log(`  mail inbox (fake SMTP ${platform.ctx.providerUrls.smtp}): ${platform.ctx.providerUrls.mailInbox}`);
    // Where `npm run demo:hospital` finds this platform and the fake wallet that pays an order's cash part.
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path.join(config.dataDir, DEV_PROVIDERS_FILE), JSON.stringify({ platformUrl: url, wechatPayUrl: wallet }, null, 2));
    console.log(`  demo hospital: npm run demo:hospital`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
