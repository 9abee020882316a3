// The invitee page's buttons: POST the token from the address to the command side, then say what happened, in the
// page's language (its texts come in the page's data-text-* attributes). An accepted invitation whose answer names
// a redirect URL then takes the browser there.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
    const page = document.getElementById('invitation');
    const actions = document.getElementById('actions');
    const outcome = document.getElementById('outcome');
    if (!page || !actions) {
        return; // nothing to answer: the page explains why
    }
    const commandBase = page.dataset.commandUrlBase;
    const texts = page.dataset;
    const buttons = Array.from(actions.querySelectorAll('button[data-action]'));
    const done = {accept: texts.textAccepted, decline: texts.textDeclined};
    const REDIRECT_DELAY_MS = 1500; // long enough to read that the invitation was accepted
    // problem types (urn:invitations:problem:<kind>) of an invitation that cannot be answered any more
    const UNANSWERABLE = ['gone', 'not-pending', 'already-accepted'];

    function show(text, kind) {
        outcome.textContent = text;
        outcome.className = 'outcome ' + kind;
        outcome.focus(); // the buttons may vanish: keep keyboard and screen reader users at the news
    }

    function busy(isBusy) {
        buttons.forEach(button => { button.disabled = isBusy; });
        actions.setAttribute('aria-busy', String(isBusy));
    }

    async function bodyOf(response) {
        try {
            return await response.json();
        } catch (notJson) {
            return null;
        }
    }

    // Where to go after an accept: the redirect URL the command side validated, with the invitation's id added;
    // null without one, or for anything but an http(s) URL.
    function redirectTarget(invitation) {
        if (!invitation || typeof invitation.redirectUrl !== 'string') {
            return null;
        }
        let target;
        try {
            target = new URL(invitation.redirectUrl);
        } catch (notAUrl) {
            return null;
        }
        if (target.protocol !== 'https:' && target.protocol !== 'http:') {
            return null;
        }
        if (typeof invitation.id === 'string') {
            target.searchParams.set('invitation', invitation.id);
        }
        return target.href;
    }

    // What a refusal means to the invitee, from the problem's type and status
    function problemText(status, problem) {
        const kind = problem && typeof problem.type === 'string' ? problem.type.split(':').pop() : '';
        if (status === 404) {
            return texts.textNotFound;
        }
        if (UNANSWERABLE.includes(kind)) {
            return texts.textGone;
        }
        return texts.textFailed + ' (HTTP ' + status + ')';
    }

    async function answer(action) {
        // read at click time, never copied into the page
        const token = new URLSearchParams(window.location.search).get('token');
        busy(true);
        let response;
        try {
            response = await fetch(commandBase + '/v1/invitations:' + action, {
                method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({token: token}),
                credentials: 'omit',
                cache: 'no-store',
                referrerPolicy: 'no-referrer'
            });
        } catch (unreachable) {
            busy(false);
            show(texts.textUnreachable, 'problem');
            return;
        }
        const body = await bodyOf(response);
        if (response.ok) {
            actions.hidden = true;
            const target = action === 'accept' ? redirectTarget(body) : null;
            show(target ? done[action] + ' ' + texts.textRedirecting : done[action], 'success');
            if (target) {
                window.setTimeout(() => window.location.assign(target), REDIRECT_DELAY_MS);
            }
            return;
        }
        // a concurrent change, too many requests or a failure of the service: the same click may work later
        const retryable = response.status === 429 || response.status >= 500
            || (body && body.type === 'urn:invitations:problem:concurrent-change');
        if (retryable) {
            busy(false);
            show(texts.textRetry, 'problem');
        } else {
            actions.hidden = true;
            show(problemText(response.status, body), 'problem');
        }
    }

    buttons.forEach(button => button.addEventListener('click', () => answer(button.dataset.action)));
});
