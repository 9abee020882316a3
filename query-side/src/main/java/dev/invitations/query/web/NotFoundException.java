package dev.invitations.query.web;

/** Nothing by that name the caller may see: answered 404. */
class NotFoundException extends RuntimeException {

    NotFoundException() {
        super("not found");
    }
}
