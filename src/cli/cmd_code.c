/* cmd_code.c: the 'dyad code' subcommand. (Placeholder until its stage lands.) */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int cmd_code(int argc, char **argv)
{
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        printf("usage: dyad code [OPTIONS]\n\n(not yet available)\n");
        return cli_close_stdout();
    }
    cli_error("code: not yet available");
    return EXIT_FATAL;
}
