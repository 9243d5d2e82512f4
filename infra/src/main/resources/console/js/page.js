// Starts a page: its Alpine components, and the rule that a refused call shows the API's messages.
import Alpine from '/console/vendor/alpinejs/dist/module.esm.min.js';
import {ApiError, signedIn} from './api.js';
import './nav.js';

/**
 * Runs `work` for a component, with `busy` set meanwhile; any failure lands in `errors`
 * (the API's own messages when the API refused), so a page never goes blank.
 */
export async function guarded(component, work) {
    component.errors = [];
    component.busy = true;
    try {
        return await work();
    } catch (e) {
        component.errors = e instanceof ApiError ? e.messages : [String(e && e.message || e)];
        return undefined;
    } finally {
        component.busy = false;
    }
}

/** The query string's value of `name`, or `fallback`. */
export function param(name, fallback = '') {
    return new URLSearchParams(location.search).get(name) ?? fallback;
}

export function start(components, needsSignIn = true) {
    if (needsSignIn && !signedIn()) {
        location.assign('/console/login.html?next=' + encodeURIComponent(location.pathname + location.search));
        return;
    }
    for (const [name, component] of Object.entries(components)) {
        Alpine.data(name, component);
    }
    window.Alpine = Alpine;
    Alpine.start();
}
