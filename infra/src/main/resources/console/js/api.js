// The console's only way to data: the admin API, with the credentials given at sign-in.
// They live in this tab's sessionStorage (gone when the tab closes), never in a cookie or localStorage.

const KEY = 'zephy.console.credentials';

export class ApiError extends Error {
    constructor(status, messages) {
        super(messages.join('; '));
        this.status = status;
        this.messages = messages;
    }
}

export function signedIn() {
    return sessionStorage.getItem(KEY) !== null;
}

export function signedInUser() {
    const stored = sessionStorage.getItem(KEY);
    return stored ? atob(stored).split(':')[0] : null;
}

export function signOut() {
    sessionStorage.removeItem(KEY);
    location.assign('/console/login.html');
}

/** Checks the credentials against the API before keeping them. */
export async function signIn(user, password) {
    const token = btoa(unescape(encodeURIComponent(user + ':' + password)));
    await send('report/get_date', {}, token);
    sessionStorage.setItem(KEY, token);
}

/** Calls /admin/<path> and answers {data, total}; a refusal throws an ApiError with the API's messages. */
export async function call(path, params = {}) {
    const token = sessionStorage.getItem(KEY);
    if (token === null) {
        toSignIn();
    }
    try {
        return await send(path, params, token);
    } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
            sessionStorage.removeItem(KEY);
            toSignIn();
        }
        throw e;
    }
}

function toSignIn() {
    location.assign('/console/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    throw new ApiError(401, ['sign in first']);
}

async function send(path, params, token) {
    const body = {};
    for (const [name, value] of Object.entries(params)) {
        if (value !== null && value !== undefined && value !== '') {
            body[name] = value;
        }
    }
    let response;
    try {
        // credentials 'omit': the browser neither adds its own HTTP authentication nor prompts for it.
        response = await fetch('/admin/' + path + '/', {
            method: 'POST',
            credentials: 'omit',
            headers: {'Content-Type': 'application/json', 'Authorization': 'Basic ' + token},
            body: JSON.stringify(body),
        });
    } catch (unreachable) {
        throw new ApiError(0, ['the server cannot be reached: ' + unreachable.message]);
    }
    let envelope;
    try {
        envelope = await response.json();
    } catch (notJson) {
        throw new ApiError(response.status, [`the server answered ${response.status} without the API's envelope`]);
    }
    if (!response.ok || envelope.success !== 1) {
        const messages = envelope.error_msgs && envelope.error_msgs.length
            ? envelope.error_msgs : [`the server answered ${response.status}`];
        throw new ApiError(response.status, messages);
    }
    return {data: envelope.data, total: envelope.total};
}

/**
 * The rows of a list page after page, `pageSize` a call, up to `max` rows, for the views that need
 * them all (totals, charts): answers {rows, total}, total being the API's count of them all.
 */
export async function callAll(path, params = {}, max = Infinity, pageSize = 1000) {
    const rows = [];
    for (;;) {
        const {data, total} = await call(path, {...params, limit: Math.min(pageSize, max - rows.length), offset: rows.length});
        rows.push(...data);
        if (data.length === 0 || total === undefined || rows.length >= total || rows.length >= max) {
            return {rows, total: total ?? rows.length};
        }
    }
}
