#include "cli/cli.h"

int main(int argc, char** argv) { return citex::RunCli(argc, argv); }
