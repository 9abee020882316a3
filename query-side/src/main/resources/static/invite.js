// The invitee page's buttons: POST the token from the address to the command side, then say what happened.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
    const page = document.getElementById('invitation');
    const actions = document.getElementById('actions');
    const outcome = document.getElementById('outcome');
    if (!page || !actions) {
        return; // nothing to answer: the page explains why
    }
    const commandBase = page.dataset.commandUrlBase;
    const buttons = Array.from(actions.querySelectorAll('button[data-action]'));
    const done = {
        accept: 'You have accepted the invitation. Welcome aboard!',
        decline: 'You have declined the invitation. Nothing more will happen.'
    };

    function show(text, kind) {
        outcome.textContent = text;
        outcome.className = 'outcome ' + kind;
        outcome.focus(); // the buttons may vanish: keep keyboard and screen reader users at the news
    }

    function busy(isBusy) {
        buttons.forEach(button => { button.disabled = isBusy; });
        actions.setAttribute('aria-busy', String(isBusy));
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
            show('The service could not be reached. Check your connection and try again.', 'problem');
            return;
        }
        if (response.ok) {
            actions.hidden = true;
            show(done[action], 'success');
            return;
        }
        let detail = '';
        try {
            detail = (await response.json()).detail || '';
        } catch (notJson) {
            // the status alone has to do
        }
        const retryable = response.status === 429 || response.status >= 500;
        if (retryable) {
            busy(false);
        } else {
            actions.hidden = true;
        }
        show('This did not work' + (detail ? ': ' + detail : ' (status ' + response.status + ')') + '.'
            + (retryable ? ' Please try again in a moment.' : ''), 'problem');
    }

    buttons.forEach(button => button.addEventListener('click', () => answer(button.dataset.action)));
});
