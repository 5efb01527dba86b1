#pragma once
namespace citex {
int RunCli(int argc, char** argv);
}
