import { Command } from 'commander';
import { configOf, type Io } from '../io.js';

export function serveCommand(io: Io, done: (code: number) => void): Command {
  return new Command('serve')
    .description('start the web UI and the HTTP API')
    .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--host <address>', 'address to listen on (default: $HOST or 127.0.0.1, this machine only)')
    .option('--data-dir <dir>', 'data directory (default: $REDCARD_DATA_DIR or ~/.redcard)')
    .option('--mode <mode>', 'solo (default: no sign-in, this machine only) or team (accounts and roles; $REDCARD_MODE)')
    .option('--demo', 'open a demo workspace with a dozen realistic clients (created once, kept apart from your own)')
    .option('--log', 'log every request')
    .action(async (options: { port?: string; host?: string; dataDir?: string; demo?: boolean; log?: boolean; mode?: string }) => {
      const config = configOf(io, options);
      // Loaded on demand: the other commands start faster without the HTTP stack.
      const { startServer } = await import('../../server/main.js');
      const server = await startServer(config, { log: options.log });
      const shown = server.url.replace('0.0.0.0', '127.0.0.1');
      io.out(`RedCard is running at ${shown}\n`);
      io.out(`  data: ${config.db.kind === 'sqlite' ? config.db.file : 'PostgreSQL (DATABASE_URL)'}; evidence files: ${config.blobDir}\n`);
      if (config.demo) io.out('  demo workspace: Northlight Studio (demo), 12 clients\n');
      if (config.mode === 'team') {
        io.out(
          `  team mode: sign-in required at ${config.team.publicUrl}; first owner: redcard user create-owner --email ... --workspace ...\n`,
        );
      } else if (!isLoopback(config.host)) {
        io.err(
          `  warning: listening on ${config.host} without sign-in: anyone who can reach this address can read and change this data.\n`,
        );
      }
      io.out(`  API docs: ${shown}/api/docs\n  Stop with Ctrl+C.\n`);
      const stop = async () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await server.close();
        done(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
