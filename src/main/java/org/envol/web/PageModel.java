package org.envol.web;

/** Names of the flash attributes the layout shows above every page. */
final class PageModel {

    private PageModel() {
    }

    /** A list of messages (what was refused), shown in red. */
    static final String PROBLEMS = "problems";
}
