import { PLUGINS_NOTIFICATION } from '../../../protocol/index.js';
import { guardNotification } from '../guard.js';
import type { ServerCore } from './server-core.js';

/**
 * Loads the plugins that the settings and the client name now (see `WorkspacePlugins`). When that
 * changed anything, it drops every cached reading (a plugin's node kinds change reading) and
 * resolves true: the caller then checks every document again.
 */
export async function reloadPlugins(core: ServerCore): Promise<boolean> {
    if (!(await core.plugins.apply(core.settings.current().plugins))) return false;
    for (const uri of core.store.uris()) core.cache.forget(uri);
    return true;
}

/** `nirmesh/plugins`: the client says the workspace's trust or the extensions' plugin modules changed. */
export function registerPluginHost(core: ServerCore): void {
    core.connection.onNotification(PLUGINS_NOTIFICATION, guardNotification(core.log, PLUGINS_NOTIFICATION, async (params: unknown) => {
        core.plugins.setHost(params);
        if (await reloadPlugins(core)) core.scheduler.refresh(core.store.uris());
    }));
}
