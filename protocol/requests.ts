import { RequestType } from 'vscode-languageserver-protocol';
import { MAP_METHOD, type MapParams, type MapReport } from './map.js';

/**
 * The typed requests, for `client.sendRequest(MapRequest, params, token)`. Kept apart from the
 * plain types and names so that only code that sends requests (the VS Code client, which bundles
 * this package anyway) loads `vscode-languageserver-protocol`.
 */
export const MapRequest = new RequestType<MapParams, MapReport, void>(MAP_METHOD);
